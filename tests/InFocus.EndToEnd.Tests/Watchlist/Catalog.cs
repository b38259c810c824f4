using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.EndToEnd.Tests.Watchlist;

/// <summary>Titles put straight into the host's catalog, for tests whose subject is not importing them.</summary>
internal static class Catalog
{
    public static async Task<MediaItem> TitleAsync(this DevHostFixture host, string title = "A Title", params string[] genres)
    {
        var media = Entities.MediaItem(title);
        if (genres.Length > 0)
        {
            media.Genres = [.. genres];
        }

        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InFocusDbContext>();
        db.MediaItems.Add(media);
        await db.SaveChangesAsync();
        return media;
    }
}
