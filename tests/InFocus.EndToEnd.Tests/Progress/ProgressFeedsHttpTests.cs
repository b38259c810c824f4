using System.Net;
using Ical.Net.CalendarComponents;
using InFocus.Domain.Common;
using InFocus.Domain.Progress;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.EndToEnd.Tests.Watchlist;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Progress;

/// <summary>Up next, history and the calendar (JSON and iCalendar) over HTTP.</summary>
[Collection(WatchlistCollection.Name)]
public sealed class ProgressFeedsHttpTests(MediaHostFixture host)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Up_next_lists_shows_in_progress_by_their_latest_viewing_with_the_next_aired_episode_and_pages()
    {
        using var user = await host.SignUpAsync();
        var breakingBad = await AddAsync(user, TmdbFixtures.BreakingBad, "tv");
        var severance = await AddAsync(user, TmdbFixtures.Severance, "tv");
        await AddAsync(user, TmdbFixtures.GameOfThrones, "tv");
        await MarkAsync(user, breakingBad, new { season = 1, episode = 1, watchedAt = "2025-01-01T20:00:00Z" });
        await MarkAsync(user, severance, new { season = 1, watchedAt = "2025-02-01T20:00:00Z" });

        using var first = await user.Client.GetAsync("api/me/up-next?limit=1");
        var page1 = await first.ReadAsync<Page<UpNextItem>>();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var item = Assert.Single(page1.Items);
        Assert.Equal(("Severance", 2, 1, "Hello, Ms. Cobel", 9), (item.Title, item.NextEpisode.Season, item.NextEpisode.Number, item.NextEpisode.Name, item.Completed));
        Assert.Equal(severance.Id, item.WatchlistEntryId);
        var page2 = await (await user.Client.GetAsync($"api/me/up-next?limit=1&cursor={page1.NextCursor}")).ReadAsync<Page<UpNextItem>>();
        Assert.Equal([("Breaking Bad", 1, 2)], page2.Items.Select(i => (i.Title, i.NextEpisode.Season, i.NextEpisode.Number)));
        Assert.Null(page2.NextCursor);

        await MarkAsync(user, breakingBad, new { upTo = new { season = 5, episode = 16 } });
        var after = await (await user.Client.GetAsync("api/me/up-next")).ReadAsync<Page<UpNextItem>>();
        Assert.Equal(["Severance"], after.Items.Select(i => i.Title));
        await user.Client.PatchJsonAsync($"api/watchlist/{severance.Id}", """{ "status": "completed" }""");
        Assert.Empty((await (await user.Client.GetAsync("api/me/up-next")).ReadAsync<Page<UpNextItem>>()).Items);
        Assert.Equal(["cursor"], await (await user.Client.GetAsync("api/me/up-next?cursor=bogus")).InvalidFieldsAsync());
    }

    [Fact]
    public async Task History_lists_dated_viewings_newest_first_filtered_by_time_and_type_and_pages()
    {
        using var user = await host.SignUpAsync();
        var show = await AddAsync(user, TmdbFixtures.BreakingBad, "tv");
        var movie = await AddAsync(user, TmdbFixtures.FightClub, "movie");
        await MarkAsync(user, show, new { season = 1, episode = 1, watchedAt = "2025-01-01T20:00:00Z" });
        await MarkAsync(user, show, new { season = 1, episode = 2, watchedAt = "2025-01-02T20:00:00Z" });
        await MarkAsync(user, movie, new { watchedAt = "2025-01-03T20:00:00Z" });

        var all = await (await user.Client.GetAsync("api/me/history?limit=2")).ReadAsync<Page<HistoryItem>>();
        Assert.Equal(["Fight Club", "Breaking Bad"], all.Items.Select(i => i.Title));
        Assert.Equal((1, 2, "Cat's in the Bag..."), (all.Items[1].Episode!.Season, all.Items[1].Episode!.Number, all.Items[1].Episode!.Name));
        var rest = await (await user.Client.GetAsync($"api/me/history?limit=2&cursor={all.NextCursor}")).ReadAsync<Page<HistoryItem>>();
        Assert.Equal([new DateTimeOffset(2025, 1, 1, 20, 0, 0, TimeSpan.Zero)], rest.Items.Select(i => i.WatchedAt));

        var episodes = await (await user.Client.GetAsync("api/me/history?type=episode&from=2025-01-02&to=2025-02-01")).ReadAsync<Page<HistoryItem>>();
        Assert.Equal([2], episodes.Items.Select(i => i.Episode!.Number));
        Assert.Equal(["from", "type"], (await (await user.Client.GetAsync("api/me/history?from=yesterday&type=song")).InvalidFieldsAsync()).Order());
        Assert.Equal(["to"], await (await user.Client.GetAsync("api/me/history?from=2025-02-01&to=2025-01-01")).InvalidFieldsAsync());
    }

    [Fact]
    public async Task The_calendar_lists_upcoming_episodes_and_the_feed_serves_them_to_calendar_apps_until_the_token_is_rotated()
    {
        using var user = await host.SignUpAsync();
        var severance = await AddAsync(user, TmdbFixtures.Severance, "tv");
        var inThreeDays = Today.AddDays(3);
        await host.DbAsync(db => db.Episodes
            .Where(e => e.MediaItemId == severance.Media.Id && e.SeasonNumber == 3 && e.Number == 8)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.AirDate, inThreeDays)));

        using var read = await user.Client.GetAsync("api/me/calendar");
        var calendar = await read.ReadAsync<Page<CalendarItem>>();
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var finale = Assert.Single(calendar.Items);
        Assert.Equal((inThreeDays, "Severance", 3, 8, severance.Id), (finale.Date, finale.Title, finale.Episode!.Season, finale.Episode.Number, finale.WatchlistEntryId));
        Assert.Empty((await (await user.Client.GetAsync($"api/me/calendar?from={Today.AddDays(4):yyyy-MM-dd}")).ReadAsync<Page<CalendarItem>>()).Items);
        Assert.Equal(["to"], await (await user.Client.GetAsync("api/me/calendar?from=2026-01-01&to=2026-12-31")).InvalidFieldsAsync());

        var token = await (await user.Client.PostAsync("api/me/calendar/token", null)).ReadAsync<CalendarFeedTokenResponse>();
        Assert.EndsWith($"/api/me/calendar.ics?token={token.Token}", token.FeedUrl, StringComparison.Ordinal);
        using var anonymous = host.CreateClient();
        using var feed = await anonymous.GetAsync($"api/me/calendar.ics?token={token.Token}");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var parsed = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        var evening = Assert.Single(parsed.Events, e => e.Summary!.StartsWith("Severance S03E08", StringComparison.Ordinal));
        Assert.Equal(inThreeDays, DateOnly.FromDateTime(evening.DtStart!.Value));
        Assert.False(evening.DtStart.HasTime);

        var rotated = await (await user.Client.PostAsync("api/me/calendar/token", null)).ReadAsync<CalendarFeedTokenResponse>();
        await (await anonymous.GetAsync($"api/me/calendar.ics?token={token.Token}")).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"api/me/calendar.ics?token={rotated.Token}")).StatusCode);
        await (await anonymous.GetAsync("api/me/calendar.ics?token=not-a-token")).ProblemAsync(404);
        await (await anonymous.GetAsync("api/me/calendar.ics")).ProblemAsync(404);
        Assert.Equal(["token"], await (await anonymous.GetAsync($"api/me/calendar.ics?token={new string('a', 65)}")).InvalidFieldsAsync());
        Assert.Equal(1, await host.DbAsync(db => db.CalendarFeeds.CountAsync(f => f.UserId == user.Id)));
    }

    [Fact]
    public async Task Nobody_else_sees_my_up_next_history_or_calendar()
    {
        using var owner = await host.SignUpAsync();
        using var other = await host.SignUpAsync();
        var show = await AddAsync(owner, TmdbFixtures.BreakingBad, "tv");
        await MarkAsync(owner, show, new { season = 1, episode = 1, watchedAt = "2025-01-01T20:00:00Z" });
        var ownerFeed = await (await owner.Client.PostAsync("api/me/calendar/token", null)).ReadAsync<CalendarFeedTokenResponse>();

        Assert.Empty((await (await other.Client.GetAsync("api/me/up-next")).ReadAsync<Page<UpNextItem>>()).Items);
        Assert.Empty((await (await other.Client.GetAsync("api/me/history")).ReadAsync<Page<HistoryItem>>()).Items);
        Assert.Empty((await (await other.Client.GetAsync("api/me/calendar?from=2008-01-01&to=2008-03-31")).ReadAsync<Page<CalendarItem>>()).Items);
        var otherFeed = await (await other.Client.PostAsync("api/me/calendar/token", null)).ReadAsync<CalendarFeedTokenResponse>();
        Assert.NotEqual(ownerFeed.Token, otherFeed.Token);
        var owners = await host.DbAsync(db => db.CalendarFeeds.Where(f => f.UserId == owner.Id).Select(f => f.TokenHash).SingleAsync());
        Assert.Equal(SecureToken.Hash(ownerFeed.Token), owners);
    }

    private static async Task<WatchlistEntryResponse> AddAsync(SignedInUser user, int tmdbId, string type) =>
        await (await user.Client.PostJsonAsync("api/watchlist", new { tmdbId, type })).ReadAsync<WatchlistEntryResponse>();

    private static async Task MarkAsync(SignedInUser user, WatchlistEntryResponse entry, object body)
    {
        using var response = await user.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
