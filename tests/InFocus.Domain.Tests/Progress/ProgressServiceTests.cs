using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Progress;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Progress;

/// <summary>Marking episodes and movies, progress, and the watchlist status following it (clock: 2026-01-15).</summary>
public sealed class ProgressServiceTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    [Fact]
    public async Task The_first_episode_makes_a_show_watching_and_progress_counts_aired_regular_episodes()
    {
        var (user, entryId) = await UserWithTitleAsync(TmdbFixtures.BreakingBad);

        var progress = await RecordAsync(user, entryId, new RecordViewingsRequest(1, 1, null, null, null));

        Assert.Equal((WatchStatus.Watching, 62, 1), (progress.Status, progress.Aired, progress.Completed));
        Assert.Equal(new NextEpisodeResponse(1, 2, "Cat's in the Bag...", new DateOnly(2008, 1, 27)), progress.NextEpisode);
        Assert.Equal([0, 1, 2, 3, 4, 5], progress.Seasons.Select(s => s.Number));
        var pilot = progress.Seasons[1].Episodes[0];
        Assert.Equal(("Pilot", true, 1, fixture.Clock.GetUtcNow()), (pilot.Name, pilot.Completed, pilot.Plays, pilot.LastWatchedAt));
        Assert.Equal(fixture.Clock.GetUtcNow(), progress.LastWatchedAt);
        Assert.Equal((3, 0), (progress.Seasons[0].Aired, progress.Seasons[0].Completed));
    }

    [Fact]
    public async Task A_season_a_list_and_up_to_mark_aired_episodes_and_watching_them_all_completes_the_show()
    {
        var (user, entryId) = await UserWithTitleAsync(TmdbFixtures.BreakingBad);

        var season = await RecordAsync(user, entryId, new RecordViewingsRequest(2, null, null, null, null));
        Assert.Equal((13, new NextEpisodeResponse(1, 1, "Pilot", new DateOnly(2008, 1, 20))), (season.Completed, season.NextEpisode));

        var list = await RecordAsync(user, entryId, new RecordViewingsRequest(null, null, [new(1, 1), new(1, 2), new(0, 1)], null, null));
        Assert.Equal((15, 1), (list.Completed, list.Seasons[0].Completed));

        var upTo = await RecordAsync(user, entryId, new RecordViewingsRequest(null, null, null, new(4, 13), null));
        Assert.Equal((46, WatchStatus.Watching, 5, 1), (upTo.Completed, upTo.Status, upTo.NextEpisode!.Season, upTo.NextEpisode.Number));

        var all = await RecordAsync(user, entryId, new RecordViewingsRequest(5, null, null, null, null));
        Assert.Equal((62, 62, WatchStatus.Completed, null), (all.Aired, all.Completed, all.Status, all.NextEpisode));
    }

    [Fact]
    public async Task Marking_again_without_a_date_keeps_one_viewing_and_a_dated_rewatch_adds_one_once()
    {
        var (user, entryId) = await UserWithTitleAsync(TmdbFixtures.BreakingBad);
        var lastWeek = fixture.Clock.GetUtcNow().AddDays(-7);

        await RecordAsync(user, entryId, new RecordViewingsRequest(1, 1, null, null, null));
        await RecordAsync(user, entryId, new RecordViewingsRequest(1, 1, null, null, null));
        await RecordAsync(user, entryId, new RecordViewingsRequest(1, 1, null, null, lastWeek));
        var progress = await RecordAsync(user, entryId, new RecordViewingsRequest(1, 1, null, null, lastWeek));

        var pilot = progress.Seasons[1].Episodes[0];
        Assert.Equal((2, fixture.Clock.GetUtcNow()), (pilot.Plays, pilot.LastWatchedAt));
        Assert.Equal(2, await fixture.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == user.Id)));
    }

    [Fact]
    public async Task A_movie_is_marked_itself_and_becomes_completed()
    {
        var (user, entryId) = await UserWithTitleAsync(TmdbFixtures.FightClub, MediaType.Movie);

        var progress = await RecordAsync(user, entryId, new RecordViewingsRequest(null, null, null, null, null));

        Assert.Equal((WatchStatus.Completed, 1, 1, 0), (progress.Status, progress.Aired, progress.Completed, progress.Seasons.Count));
        var error = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync(user, entryId, new RecordViewingsRequest(1, null, null, null, null)));
        Assert.Contains("season", error.Errors.Keys);
    }

    [Fact]
    public async Task Bad_selections_are_400_naming_them_and_unknown_episodes_404()
    {
        var (user, entryId) = await UserWithTitleAsync(TmdbFixtures.Severance);

        await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(user, entryId, new RecordViewingsRequest(1, 40, null, null, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(user, entryId, new RecordViewingsRequest(9, null, null, null, null)));
        var list = await Assert.ThrowsAsync<ValidationException>(
            () => RecordAsync(user, entryId, new RecordViewingsRequest(null, null, [new(1, 1), new(1, 40), new(3, 2)], null, null)));
        Assert.Equal(["episodes[1]", "episodes[2]"], list.Errors.Keys.Order());
        Assert.Contains("Season 1, episode 40 does not exist.", list.Errors["episodes[1]"]);
        Assert.Contains("Season 3, episode 2 has not aired yet.", list.Errors["episodes[2]"]);
        var upTo = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync(user, entryId, new RecordViewingsRequest(null, null, null, new(2, 11), null)));
        Assert.Contains("upTo", upTo.Errors.Keys);
        var future = await Assert.ThrowsAsync<ValidationException>(
            () => RecordAsync(user, entryId, new RecordViewingsRequest(1, 1, null, null, fixture.Clock.GetUtcNow().AddHours(1))));
        Assert.Contains("watchedAt", future.Errors.Keys);
        var two = await Assert.ThrowsAsync<ValidationException>(() => RecordAsync(user, entryId, new RecordViewingsRequest(1, null, null, new(1, 2), null)));
        Assert.Single(two.Errors);
        Assert.Equal(0, await fixture.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == user.Id)));
    }

    [Fact]
    public async Task Another_users_entry_is_not_found()
    {
        var (_, entryId) = await UserWithTitleAsync(TmdbFixtures.BreakingBad);
        var stranger = Entities.User();
        await fixture.SaveAsync(stranger);

        await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(stranger, entryId, new RecordViewingsRequest(1, 1, null, null, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<ProgressService, ProgressResponse>(s => s.GetAsync(stranger.AsCaller(), entryId, default)));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<ProgressService>(s => s.DeleteAsync(stranger.AsCaller(), entryId, "1", "1", default)));
    }

    [Fact]
    public async Task An_explicit_status_wins_until_the_next_viewing()
    {
        var (user, entryId) = await UserWithTitleAsync(TmdbFixtures.BreakingBad);
        await RecordAsync(user, entryId, new RecordViewingsRequest(1, null, null, null, null));

        await fixture.WithAsync<WatchlistService, WatchlistEntryResponse>(s => s.UpdateAsync(
            user.AsCaller(), entryId, new UpdateWatchlistEntryRequest(new Optional<string?>("completed"), default, default), null, default));
        var explicitStatus = await fixture.WithAsync<ProgressService, ProgressResponse>(s => s.GetAsync(user.AsCaller(), entryId, default));
        Assert.Equal(WatchStatus.Completed, explicitStatus.Status);

        var next = await RecordAsync(user, entryId, new RecordViewingsRequest(2, 1, null, null, null));
        Assert.Equal(WatchStatus.Watching, next.Status);
    }

    [Fact]
    public async Task Unmarking_by_id_and_by_season_removes_viewings_and_the_status_follows()
    {
        var (user, entryId) = await UserWithTitleAsync(TmdbFixtures.BreakingBad);
        await RecordAsync(user, entryId, new RecordViewingsRequest(1, null, null, null, null));
        var viewingId = await fixture.DbAsync(db => db.Viewings.Where(v => v.UserId == user.Id).Select(v => v.Id).FirstAsync());

        await fixture.WithAsync<ProgressService>(s => s.DeleteAsync(user.AsCaller(), entryId, viewingId, default));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<ProgressService>(s => s.DeleteAsync(user.AsCaller(), entryId, viewingId, default)));
        Assert.Equal(6, (await fixture.WithAsync<ProgressService, ProgressResponse>(s => s.GetAsync(user.AsCaller(), entryId, default))).Completed);

        await fixture.WithAsync<ProgressService>(s => s.DeleteAsync(user.AsCaller(), entryId, "1", null, default));
        var progress = await fixture.WithAsync<ProgressService, ProgressResponse>(s => s.GetAsync(user.AsCaller(), entryId, default));
        Assert.Equal((0, WatchStatus.NotWatched), (progress.Completed, progress.Status));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<ProgressService>(s => s.DeleteAsync(user.AsCaller(), entryId, "1", "99", default)));
    }

    [Fact]
    public async Task Marking_1000_episodes_costs_the_same_statements_as_marking_3()
    {
        var costs = new List<int>();
        foreach (var (seasons, episodes) in new[] { (1, 3), (10, 100) })
        {
            var show = (await fixture.InsertShowsAsync(1, seasons, episodes, new DateOnly(2000, 1, 1))).Single();
            var user = Entities.User();
            await fixture.SaveAsync(user);
            var entry = new WatchlistEntry { UserId = user.Id, MediaItemId = show };
            await fixture.SaveAsync(entry);

            fixture.Statements.Reset();
            var progress = await RecordAsync(user, entry.Id, new RecordViewingsRequest(null, null, null, new(seasons, episodes), null));
            costs.Add(fixture.Statements.Count);
            Assert.Equal((seasons * episodes, WatchStatus.Completed), (progress.Completed, progress.Status));
        }

        Assert.Equal(costs[0], costs[1]);
    }

    private Task<ProgressResponse> RecordAsync(User user, string entryId, RecordViewingsRequest request) =>
        fixture.WithAsync<ProgressService, ProgressResponse>(s => s.RecordAsync(user.AsCaller(), entryId, request, default));

    private async Task<(User User, string EntryId)> UserWithTitleAsync(int tmdbId, MediaType type = MediaType.Tv)
    {
        var title = await fixture.WithAsync<MediaCatalog, MediaImportResult>(c => c.EnsureAsync(tmdbId, type, default));
        var user = Entities.User();
        await fixture.SaveAsync(user);
        var entry = new WatchlistEntry { UserId = user.Id, MediaItemId = title.MediaItemId };
        await fixture.SaveAsync(entry);
        return (user, entry.Id);
    }
}
