using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

[Collection(ConcurrencyCollection.Name)]
public sealed class ProgressConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Devices_marking_the_same_episode_at_once_record_one_viewing()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddShowAsync(user);

        var answers = await Concurrently.SendAsync(N, _ => user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { season = 1, episode = 1 }));

        answers.AssertCounts((OK, N));
        Assert.Equal(1, await host.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == user.Id)));
        var stored = await host.DbAsync(db => db.WatchlistEntries.SingleAsync(e => e.Id == entry.Id));
        Assert.Equal(WatchStatus.Watching, stored.Status);
    }

    [Fact]
    public async Task The_same_dated_viewing_sent_at_once_is_recorded_once_and_overlapping_seasons_once_each()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddShowAsync(user);

        var answers = await Concurrently.SendAsync(N, i => user.Client.PostJsonAsync(
            $"api/watchlist/{entry.Id}/viewings",
            i % 2 == 0 ? new { upTo = new { season = 1, episode = 7 }, watchedAt = "2025-03-01T21:00:00Z" } : (object)new { season = 1, watchedAt = "2025-03-01T21:00:00Z" }));

        answers.AssertCounts((OK, N));
        Assert.Equal(7, await host.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == user.Id)));
    }

    [Fact]
    public async Task Marking_and_unmarking_a_season_at_once_leaves_the_status_matching_the_viewings()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddShowAsync(user);

        var answers = await Concurrently.SendAsync(N, i => i % 2 == 0
            ? user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { season = 1 })
            : user.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings?season=1"));

        answers.AssertOnly(OK, NoContent);
        var count = await host.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == user.Id));
        var stored = await host.DbAsync(db => db.WatchlistEntries.SingleAsync(e => e.Id == entry.Id));
        Assert.Contains(count, new[] { 0, 7 });
        Assert.Equal(count == 0 ? WatchStatus.NotWatched : WatchStatus.Watching, stored.Status);
    }

    [Fact]
    public async Task Deleting_one_viewing_n_times_at_once_deletes_it_once()
    {
        using var user = await host.SignUpAsync();
        var entry = await AddShowAsync(user);
        await user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { season = 1, episode = 1 });
        var viewingId = await host.DbAsync(db => db.Viewings.Where(v => v.UserId == user.Id).Select(v => v.Id).SingleAsync());

        var answers = await Concurrently.SendAsync(N, _ => user.Client.DeleteAsync($"api/watchlist/{entry.Id}/viewings/{viewingId}"));

        answers.AssertCounts((NoContent, 1), (NotFound, N - 1));
        var stored = await host.DbAsync(db => db.WatchlistEntries.SingleAsync(e => e.Id == entry.Id));
        Assert.Equal(WatchStatus.NotWatched, stored.Status);
    }

    [Fact]
    public async Task Rotating_the_calendar_token_n_times_at_once_leaves_one_feed_whose_token_one_answer_holds()
    {
        using var user = await host.SignUpAsync();

        var answers = await Concurrently.SendAsync(N, _ => user.Client.PostAsync("api/me/calendar/token", null));

        answers.AssertCounts((OK, N));
        var stored = await host.DbAsync(db => db.CalendarFeeds.Where(f => f.UserId == user.Id).Select(f => f.TokenHash).SingleAsync());
        var tokens = answers.All.Select(a => System.Text.Json.JsonDocument.Parse(a.Body).RootElement.GetProperty("token").GetString()!);
        Assert.Single(tokens, t => InFocus.Domain.Common.SecureToken.Hash(t).SequenceEqual(stored));
    }

    [Fact]
    public async Task Members_logging_the_same_evening_at_once_record_it_once_each_and_add_the_title_once()
    {
        using var alice = await host.SignUpAsync();
        using var ben = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([alice], ben);
        var title = await host.SeedTitleAsync();

        var answers = await Concurrently.SendAsync(N, i => (i % 2 == 0 ? alice : ben).Client.PostJsonAsync(
            $"api/families/{familyId}/viewings", new { mediaItemId = title.Id, watchedAt = "2025-06-01T20:00:00Z", memberIds = new[] { alice.Id, ben.Id } }));

        answers.AssertCounts((OK, N));
        Assert.Equal(2, await host.DbAsync(db => db.Viewings.CountAsync(v => v.MediaItemId == title.Id)));
        Assert.Equal(2, await host.DbAsync(db => db.WatchlistEntries.CountAsync(w => w.MediaItemId == title.Id && w.Status == WatchStatus.Completed)));
    }

    private static async Task<WatchlistEntryResponse> AddShowAsync(SignedInUser user) =>
        await (await user.Client.PostJsonAsync("api/watchlist", new { tmdbId = TmdbFixtures.BreakingBad, type = "tv" })).ReadAsync<WatchlistEntryResponse>();
}
