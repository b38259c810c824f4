using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Progress;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Progress;

/// <summary>
/// Progress, up next, history, the calendar (and its iCalendar feed) and family progress cost the same number of SQL statements for a user
/// with 3 shows as for one with 500 shows of 10 seasons × 20 episodes, half of each watched.
/// </summary>
public sealed class ProgressQueryCountTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Every_read_costs_the_same_statements_for_3_or_500_shows_of_200_episodes()
    {
        var costs = new List<(int Progress, int UpNext, int UpNextAgain, int History, int Calendar, int Feed, int Family)>();
        foreach (var size in new[] { 3, 500 })
        {
            var (user, entryId, familyId, showId) = await UserWithShowsAsync(size);
            var caller = user.AsCaller();
            var page = new PageRequest(PageRequest.MaxLimit, null);

            var progress = await CountAsync<ProgressService, ProgressResponse>(s => s.GetAsync(caller, entryId, default));
            var upNext = await CountAsync<UpNextService, Page<UpNextItem>>(s => s.ListAsync(caller, new PageRequest(2, null), default));
            var upNextAgain = await CountAsync<UpNextService, Page<UpNextItem>>(s => s.ListAsync(caller, new PageRequest(2, upNext.Result.NextCursor), default));
            var history = await CountAsync<HistoryService, Page<HistoryItem>>(s => s.ListAsync(caller, new HistoryQuery(null, null, "episode"), page, default));
            var calendar = await CountAsync<CalendarService, Page<CalendarItem>>(s => s.ListAsync(caller, new CalendarQuery("2016-01-01", "2016-03-31"), page, default));
            var token = await fixture.WithAsync<CalendarService, CalendarFeedTokenResponse>(s => s.RotateTokenAsync(caller, default));
            var feed = await CountAsync<CalendarService, string>(s => s.FeedAsync(token.Token, default));
            var family = await CountAsync<FamilyProgressService, FamilyProgressResponse>(s => s.GetAsync(caller, familyId, showId, default));

            Assert.Equal((200, 100), (progress.Result.Aired, progress.Result.Completed));
            Assert.Equal((2, Math.Min(size - 2, 2)), (upNext.Result.Items.Count, upNextAgain.Result.Items.Count));
            Assert.Equal((6, 1), (upNext.Result.Items[0].NextEpisode.Season, upNext.Result.Items[0].NextEpisode.Number));
            Assert.Equal(Math.Min(size * 100, PageRequest.MaxLimit), history.Result.Items.Count);
            Assert.Equal(Math.Min(size * 13, PageRequest.MaxLimit), calendar.Result.Items.Count);
            Assert.StartsWith("BEGIN:VCALENDAR", feed.Result, StringComparison.Ordinal);
            costs.Add((progress.Statements, upNext.Statements, upNextAgain.Statements, history.Statements, calendar.Statements, feed.Statements, family.Statements));
        }

        Assert.Equal(costs[0], costs[1]);
        Assert.Equal((2, 1, 1, 1, 1, 2, 3), costs[0]);
    }

    private async Task<(TResult Result, int Statements)> CountAsync<TService, TResult>(Func<TService, Task<TResult>> read)
        where TService : notnull
    {
        await using var scope = fixture.CreateScope();
        var service = (TService)scope.ServiceProvider.GetService(typeof(TService))!;
        fixture.Statements.Reset();
        var result = await read(service);
        return (result, fixture.Statements.Count);
    }

    /// <summary>
    /// A user, in a family of two, with <paramref name="count"/> shows on their list (aired weekly from 2015) and
    /// seasons 1–5 of each watched.
    /// </summary>
    private async Task<(User User, string EntryId, string FamilyId, string ShowId)> UserWithShowsAsync(int count)
    {
        var user = Entities.User();
        var partner = Entities.User();
        var family = Entities.Family(user);
        await fixture.SaveAsync(user, partner, family);
        await fixture.SaveAsync(Entities.Membership(family, user, FamilyRole.Admin), Entities.Membership(family, partner));
        var shows = await fixture.InsertShowsAsync(count, 10, 20, new DateOnly(2015, 1, 1));
        await fixture.DbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO watchlist_entries (id, user_id, media_item_id, status, last_watched_at)
                SELECT id, {user.Id}, media_item_id, 'watching', timestamptz '2025-06-01' - n * interval '1 minute'
                FROM unnest({BulkData.NewIds(count)}, {shows}) WITH ORDINALITY AS t(id, media_item_id, n)
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO viewings (id, user_id, media_item_id, episode_id, watched_at)
                SELECT 'c' || substr(md5(e.id || 'viewing'), 1, 24), {user.Id}, e.media_item_id, e.id,
                       timestamptz '2025-01-01' + e.number * interval '1 hour'
                FROM episodes e WHERE e.media_item_id = ANY({shows}) AND e.season_number <= 5
                """);
        });
        var entryId = await fixture.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == user.Id && e.MediaItemId == shows[0]).Select(e => e.Id).SingleAsync());
        return (user, entryId, family.Id, shows[0]);
    }
}
