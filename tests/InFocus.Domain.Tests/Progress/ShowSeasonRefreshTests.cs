using InFocus.Domain.Media;
using InFocus.Domain.Progress;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Progress;

/// <summary>The RefreshShowSeasons job. Each test runs against a fresh fixture state of its own titles.</summary>
public sealed class ShowSeasonRefreshTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    [Fact]
    public async Task Airing_shows_are_refreshed_often_ended_ones_rarely_and_unlisted_ones_never_and_new_episodes_reopen_completed_shows()
    {
        var severance = await ImportAsync(TmdbFixtures.Severance);
        var breakingBad = await ImportAsync(TmdbFixtures.BreakingBad);
        var gameOfThrones = await ImportAsync(TmdbFixtures.GameOfThrones);
        var follower = await UserWithEntryAsync(severance);
        var explicitFan = await UserWithEntryAsync(severance);
        await UserWithEntryAsync(breakingBad);
        await RecordAsync(follower, new RecordViewingsRequest(null, null, null, new(3, 1), null));
        await RecordAsync(explicitFan, new RecordViewingsRequest(null, null, null, new(2, 10), null));
        await fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.UpdateAsync(
            explicitFan.User.AsCaller(), explicitFan.EntryId, new UpdateWatchlistEntryRequest(new("completed"), default, default), null, default));
        Assert.Equal(WatchStatus.Completed, await StatusAsync(follower.EntryId));

        // 13 hours on it is 2026-01-16: Severance is due again, and episode 2 of its season 3 has aired.
        fixture.Tmdb.ClearRequests();
        fixture.Clock.Advance(TimeSpan.FromHours(13));
        var report = await RunAsync();
        Assert.Equal((1, 0, 1, ShowSeasonRefreshStop.NothingDue), (report.Refreshed, report.Failed, report.Reopened, report.Stop));
        Assert.Single(fixture.Tmdb.RequestsTo("tv/95396"));
        Assert.Empty(fixture.Tmdb.RequestsTo("tv/1396"));
        Assert.Empty(fixture.Tmdb.RequestsTo($"tv/{TmdbFixtures.GameOfThrones}"));
        Assert.Equal(WatchStatus.Watching, await StatusAsync(follower.EntryId));
        Assert.Equal(WatchStatus.Completed, await StatusAsync(explicitFan.EntryId));

        fixture.Clock.Advance(TimeSpan.FromDays(30));
        fixture.Tmdb.ClearRequests();
        var monthLater = await RunAsync();
        Assert.Equal(2, monthLater.Refreshed);
        Assert.Single(fixture.Tmdb.RequestsTo("tv/1396"));
        _ = gameOfThrones;
    }

    [Fact]
    public async Task A_run_ends_when_TMDB_is_down_and_leaves_the_shows_for_the_next_one()
    {
        var breakingBad = await ImportAsync(TmdbFixtures.BreakingBad);
        await UserWithEntryAsync(breakingBad);
        var more = await fixture.InsertShowsAsync(4, 1, 1, new DateOnly(2020, 1, 1));
        foreach (var show in more)
        {
            await UserWithEntryAsync(show);
        }

        await fixture.DbAsync(db => db.MediaItems.ExecuteUpdateAsync(s => s.SetProperty(m => m.SeasonsRefreshedAt, (DateTimeOffset?)null)));
        fixture.Tmdb.StartOutage(FakeTmdbReply.Status(503));
        try
        {
            var report = await RunAsync();
            Assert.Equal((0, 3, ShowSeasonRefreshStop.TmdbUnavailable), (report.Refreshed, report.Failed, report.Stop));
        }
        finally
        {
            fixture.Tmdb.EndOutage();
            await fixture.DbAsync(db => db.MediaItems.Where(m => more.Contains(m.Id)).ExecuteDeleteAsync());
        }

        Assert.True(await fixture.DbAsync(db => db.MediaItems.AnyAsync(m => m.Id == breakingBad && m.SeasonsRefreshedAt == null)));
    }

    private Task<ShowSeasonRefreshReport> RunAsync() =>
        fixture.WithAsync<ShowSeasonRefresh, ShowSeasonRefreshReport>(r => r.RunAsync(default));

    private async Task<string> ImportAsync(int tmdbId) =>
        (await fixture.WithAsync<MediaCatalog, MediaImportResult>(c => c.ImportAsync(tmdbId, MediaType.Tv, default))).MediaItemId;

    private async Task<(InFocus.Domain.Accounts.User User, string EntryId)> UserWithEntryAsync(string mediaItemId)
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);
        var entry = new WatchlistEntry { UserId = user.Id, MediaItemId = mediaItemId };
        await fixture.SaveAsync(entry);
        return (user, entry.Id);
    }

    private Task<ProgressResponse> RecordAsync((InFocus.Domain.Accounts.User User, string EntryId) who, RecordViewingsRequest request) =>
        fixture.WithAsync<ProgressService, ProgressResponse>(s => s.RecordAsync(who.User.AsCaller(), who.EntryId, request, default));

    private Task<WatchStatus> StatusAsync(string entryId) =>
        fixture.DbAsync(db => db.WatchlistEntries.Where(e => e.Id == entryId).Select(e => e.Status).SingleAsync());
}
