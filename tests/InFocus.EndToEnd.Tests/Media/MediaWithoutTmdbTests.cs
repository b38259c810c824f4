using System.Net;
using InFocus.Domain.Media;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit.Tmdb;

namespace InFocus.EndToEnd.Tests.Media;

/// <summary>The plain host runs with the sample settings, which configure no TMDB credentials.</summary>
[Collection(DevHostCollection.Name)]
public sealed class MediaWithoutTmdbTests(DevHostFixture host)
{
    [Fact]
    public async Task Search_import_and_titles_named_by_TMDB_id_answer_503_saying_TMDB_is_not_configured_and_stored_titles_still_work()
    {
        using var user = await host.SignUpAsync();
        using var friend = await host.SignUpAsync();
        await host.FormFamilyAsync(user, friend);
        var stored = new MediaItem { TmdbId = TmdbFixtures.ShawshankRedemption, TmdbType = MediaType.Movie, Title = "The Shawshank Redemption" };
        await host.DbAsync(db =>
        {
            db.MediaItems.Add(stored);
            return db.SaveChangesAsync();
        });

        using var search = await user.Client.GetAsync("api/media/search?query=shawshank");
        using var import = await user.Client.PostJsonAsync("api/media", new { tmdbId = TmdbFixtures.FightClub, type = "movie" });
        using var add = await user.Client.PostJsonAsync("api/watchlist", new { tmdbId = TmdbFixtures.FightClub, type = "movie" });
        using var recommend = await user.Client.PostJsonAsync("api/recommendations", new { recipientId = friend.Id, tmdbId = TmdbFixtures.FightClub, type = "movie" });
        using var read = await user.Client.GetAsync($"api/media/{stored.Id}");

        foreach (var unavailable in new[] { search, import, add, recommend })
        {
            var problem = await unavailable.ProblemAsync(503);
            Assert.Contains("TMDB (The Movie Database) is not configured", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Null(unavailable.Headers.RetryAfter);
        }

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("The Shawshank Redemption", (await read.ReadAsync<MediaItemResponse>()).Title);
    }
}
