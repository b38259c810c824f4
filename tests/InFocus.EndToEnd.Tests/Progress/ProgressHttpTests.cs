using System.Net;
using InFocus.Domain.Progress;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.EndToEnd.Tests.Watchlist;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Progress;

/// <summary>Marking episodes and reading progress over HTTP (the fake TMDB serves Breaking Bad's five seasons).</summary>
[Collection(WatchlistCollection.Name)]
public sealed class ProgressHttpTests(MediaHostFixture host)
{
    [Fact]
    public async Task A_user_marks_an_episode_a_season_and_up_to_an_episode_reads_progress_and_unmarks()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddAsync(user, TmdbFixtures.BreakingBad, "tv");

        using var one = await user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { season = 1, episode = 1 });
        var afterOne = await one.ReadAsync<ProgressResponse>();
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal((WatchStatus.Watching, 62, 1, 1, 2), (afterOne.Status, afterOne.Aired, afterOne.Completed, afterOne.NextEpisode!.Season, afterOne.NextEpisode.Number));

        await user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { season = 2 });
        await user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { episodes = new[] { new { season = 1, episode = 2 }, new { season = 1, episode = 3 } } });
        var upTo = await (await user.Client.PostJsonAsync(
            $"api/watchlist/{entry.Id}/viewings", new { upTo = new { season = 3, episode = 2 }, watchedAt = "2024-05-01T20:00:00Z" })).ReadAsync<ProgressResponse>();
        Assert.Equal(22, upTo.Completed);

        using var read = await user.Client.GetAsync($"api/watchlist/{entry.Id}/progress");
        var progress = await read.ReadAsync<ProgressResponse>();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal([0, 1, 2, 3, 4, 5], progress.Seasons.Select(s => s.Number));
        Assert.Equal((7, 7), (progress.Seasons[1].Aired, progress.Seasons[1].Completed));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 20, 0, 0, TimeSpan.Zero), progress.Seasons[3].Episodes[0].LastWatchedAt);

        var viewingId = await host.DbAsync(db => db.Viewings.Where(v => v.UserId == user.Id).OrderBy(v => v.CreatedAt).Select(v => v.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings/{viewingId}")).StatusCode);
        await (await user.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings/{viewingId}")).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings?season=2")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings?season=3&episode=1")).StatusCode);

        // Season 1 keeps its dated rewatches (from upTo), and season 3 episode 2.
        var after = await (await user.Client.GetAsync($"api/watchlist/{entry.Id}/progress")).ReadAsync<ProgressResponse>();
        Assert.Equal((8, 7, 1), (after.Completed, after.Seasons[1].Completed, after.Seasons[3].Completed));
    }

    [Fact]
    public async Task A_movie_is_marked_and_unmarked_as_itself()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddAsync(user, TmdbFixtures.FightClub, "movie");

        var progress = await (await user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { })).ReadAsync<ProgressResponse>();
        Assert.Equal((WatchStatus.Completed, 1), (progress.Status, progress.Completed));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings")).StatusCode);
        var after = await (await user.Client.GetAsync($"api/watchlist/{entry.Id}/progress")).ReadAsync<ProgressResponse>();
        Assert.Equal((WatchStatus.NotWatched, 0), (after.Status, after.Completed));
    }

    [Fact]
    public async Task Bad_selections_answer_400_naming_the_field_and_unknown_episodes_404()
    {
        using var user = await host.SignUpAsync();
        var show = await AddAsync(user, TmdbFixtures.BreakingBad, "tv");
        var movie = await AddAsync(user, TmdbFixtures.ShawshankRedemption, "movie");
        var viewings = $"api/watchlist/{show.Id}/viewings";

        Assert.Equal(["watchedAt"], await (await user.Client.PostJsonAsync(viewings, new { season = 1, episode = 1, watchedAt = DateTimeOffset.UtcNow.AddDays(2) })).InvalidFieldsAsync());
        Assert.Equal(["season"], await (await user.Client.PostJsonAsync($"api/watchlist/{movie.Id}/viewings", new { season = 1 })).InvalidFieldsAsync());
        Assert.Equal(["episodes[1]"], await (await user.Client.PostJsonAsync(viewings, new { episodes = new[] { new { season = 1, episode = 1 }, new { season = 1, episode = 8 } } })).InvalidFieldsAsync());
        Assert.Equal(["upTo"], await (await user.Client.PostJsonAsync(viewings, new { upTo = new { season = 6, episode = 1 } })).InvalidFieldsAsync());
        Assert.Equal(["season"], await (await user.Client.PostJsonAsync(viewings, new { })).InvalidFieldsAsync());
        Assert.Equal(["season"], await (await user.Client.DeleteAsync($"{viewings}?season=one")).InvalidFieldsAsync());
        await (await user.Client.PostJsonAsync(viewings, new { season = 1, episode = 99 })).ProblemAsync(404);
        await (await user.Client.PostJsonAsync(viewings, new { season = 7 })).ProblemAsync(404);
        await (await user.Client.DeleteAsync($"{viewings}?season=1&episode=99")).ProblemAsync(404);
        await (await user.Client.GetAsync("api/watchlist/cunknownentry000000000000/progress")).ProblemAsync(404);
        Assert.Equal(0, await host.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == user.Id)));
    }

    [Fact]
    public async Task Another_user_cannot_read_mark_or_unmark_my_progress()
    {
        using var owner = await host.SignUpAsync();
        using var other = await host.SignUpAsync();
        var entry = await AddAsync(owner, TmdbFixtures.BreakingBad, "tv");
        await owner.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { season = 1, episode = 1 });
        var viewingId = await host.DbAsync(db => db.Viewings.Where(v => v.UserId == owner.Id).Select(v => v.Id).SingleAsync());

        await (await other.Client.GetAsync($"api/watchlist/{entry.Id}/progress")).ProblemAsync(404);
        await (await other.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { season = 1, episode = 2 })).ProblemAsync(404);
        await (await other.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings/{viewingId}")).ProblemAsync(404);
        await (await other.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings?season=1")).ProblemAsync(404);

        Assert.Equal(1, await host.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == owner.Id)));
        Assert.Equal(0, await host.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == other.Id)));
    }

    [Fact]
    public async Task The_RefreshShowSeasons_timer_brings_a_newly_aired_episode_and_reopens_a_completed_show()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddAsync(user, TmdbFixtures.Severance, "tv");
        var completed = await (await user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { upTo = new { season = 3, episode = 7 } })).ReadAsync<ProgressResponse>();
        Assert.Equal((WatchStatus.Completed, 26, 26), (completed.Status, completed.Aired, completed.Completed));

        var season = TmdbFixtures.Seasons(TmdbFixtures.Severance).Single(s => (int)s["season_number"]! == 3);
        season["episodes"]![7]!["air_date"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        host.Tmdb.SetSeason(TmdbFixtures.Severance, season);
        try
        {
            await host.DbAsync(db => db.MediaItems.Where(m => m.Id == entry.Media.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SeasonsRefreshedAt, DateTimeOffset.UtcNow.AddDays(-2))));

            var outcome = await host.RunFunctionAsync("RefreshShowSeasons");

            Assert.True(outcome.IsSuccess, outcome.Error);
        }
        finally
        {
            host.Tmdb.SetSeason(TmdbFixtures.Severance, TmdbFixtures.Seasons(TmdbFixtures.Severance).Single(s => (int)s["season_number"]! == 3));
        }

        var progress = await (await user.Client.GetAsync($"api/watchlist/{entry.Id}/progress")).ReadAsync<ProgressResponse>();
        Assert.Equal((WatchStatus.Watching, 27, 3, 8), (progress.Status, progress.Aired, progress.NextEpisode!.Season, progress.NextEpisode.Number));
    }

    private static async Task<WatchlistEntryResponse> AddAsync(SignedInUser user, int tmdbId, string type) =>
        await (await user.Client.PostJsonAsync("api/watchlist", new { tmdbId, type })).ReadAsync<WatchlistEntryResponse>();
}
