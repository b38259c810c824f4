using InFocus.Domain.Media;
using InFocus.EndToEnd.Tests.Media;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Watchlist;

/// <summary>Titles put straight into the host's catalog, for tests whose subject is not importing them.</summary>
internal static class Catalog
{
    public static async Task<MediaItem> TitleAsync(this MediaHostFixture host, string title = "A Title", params string[] genres)
    {
        var media = Entities.MediaItem(title);
        if (genres.Length > 0)
        {
            media.Genres = [.. genres];
        }

        await host.DbAsync(db =>
        {
            db.MediaItems.Add(media);
            return db.SaveChangesAsync();
        });
        return media;
    }
}
