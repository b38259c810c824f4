using System.Text.Json.Nodes;
using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Progress;

public sealed class ShowSeasonsTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    private FakeTmdbServer Tmdb => fixture.Tmdb;

    [Fact]
    public async Task Importing_a_show_stores_its_seasons_and_episodes_with_one_request_per_season()
    {
        Tmdb.ClearRequests();

        var imported = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.ImportAsync(TmdbFixtures.BreakingBad, MediaType.Tv, CancellationToken.None));

        Assert.Single(Tmdb.RequestsTo("tv/1396"));
        foreach (var number in Enumerable.Range(0, 6))
        {
            Assert.Single(Tmdb.RequestsTo($"tv/1396/season/{number}"));
        }

        var seasons = await fixture.DbAsync(db => db.Seasons.AsNoTracking().Where(s => s.MediaItemId == imported.MediaItemId)
            .OrderBy(s => s.Number).Select(s => new { s.Number, s.Name, s.EpisodeCount }).ToListAsync());
        Assert.Equal([0, 1, 2, 3, 4, 5], seasons.Select(s => s.Number));
        Assert.Equal([3, 7, 13, 13, 13, 16], seasons.Select(s => s.EpisodeCount));
        Assert.Equal("Specials", seasons[0].Name);

        var pilot = await fixture.DbAsync(db => db.Episodes.AsNoTracking()
            .SingleAsync(e => e.MediaItemId == imported.MediaItemId && e.SeasonNumber == 1 && e.Number == 1));
        Assert.Equal(("Pilot", new DateOnly(2008, 1, 20), 58, "/still-1396-1-1.jpg"), (pilot.Name, pilot.AirDate, pilot.Runtime, pilot.StillPath));
        Assert.Equal(65, await fixture.DbAsync(db => db.Episodes.CountAsync(e => e.MediaItemId == imported.MediaItemId)));

        var show = await fixture.DbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(m => m.Id == imported.MediaItemId));
        Assert.Equal((ShowStatus.Ended, fixture.Clock.GetUtcNow()), (show.ShowStatus, show.SeasonsRefreshedAt));
    }

    [Fact]
    public async Task Refreshing_a_stored_show_is_one_request_with_its_seasons_appended()
    {
        var imported = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.ImportAsync(TmdbFixtures.BreakingBad, MediaType.Tv, CancellationToken.None));
        Tmdb.ClearRequests();

        var episodes = await fixture.WithAsync<ShowSeasons, int>(s => s.RefreshAsync(imported.MediaItemId, TmdbFixtures.BreakingBad, CancellationToken.None));

        var request = Assert.Single(Tmdb.Requests);
        Assert.Equal("tv/1396", request.Path);
        Assert.Contains("append_to_response=season/0,season/1,season/2,season/3,season/4,season/5", Uri.UnescapeDataString(request.QueryString), StringComparison.Ordinal);
        Assert.Equal(65, episodes);
    }

    [Fact]
    public async Task A_still_airing_show_keeps_episodes_without_an_air_date_and_is_returning()
    {
        var imported = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.ImportAsync(TmdbFixtures.Severance, MediaType.Tv, CancellationToken.None));

        var show = await fixture.DbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(m => m.Id == imported.MediaItemId));
        Assert.Equal(ShowStatus.ReturningSeries, show.ShowStatus);
        var finale = await fixture.DbAsync(db => db.Episodes.AsNoTracking()
            .SingleAsync(e => e.MediaItemId == imported.MediaItemId && e.SeasonNumber == 3 && e.Number == 8));
        Assert.Null(finale.AirDate);
    }

    [Fact]
    public async Task A_refresh_updates_changed_episodes_adds_new_ones_and_removes_unwatched_ones_TMDB_dropped()
    {
        var imported = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.ImportAsync(TmdbFixtures.Severance, MediaType.Tv, CancellationToken.None));
        var season = TmdbFixtures.Seasons(TmdbFixtures.Severance).Single(s => (int)s["season_number"]! == 3);
        var episodes = (JsonArray)season["episodes"]!;
        episodes[7]!["air_date"] = "2026-02-27";
        episodes[7]!["name"] = "Finale";
        episodes.RemoveAt(6);
        episodes.Add(new JsonObject { ["episode_number"] = 9, ["season_number"] = 3, ["name"] = "Bonus", ["air_date"] = null });
        Tmdb.SetSeason(TmdbFixtures.Severance, season);
        try
        {
            await fixture.WithAsync<ShowSeasons, int>(s => s.RefreshAsync(imported.MediaItemId, TmdbFixtures.Severance, CancellationToken.None));
        }
        finally
        {
            Tmdb.SetSeason(TmdbFixtures.Severance, TmdbFixtures.Seasons(TmdbFixtures.Severance).Single(s => (int)s["season_number"]! == 3));
        }

        var stored = await fixture.DbAsync(db => db.Episodes.AsNoTracking()
            .Where(e => e.MediaItemId == imported.MediaItemId && e.SeasonNumber == 3)
            .OrderBy(e => e.Number).Select(e => new { e.Number, e.Name, e.AirDate }).ToListAsync());
        Assert.Equal([1, 2, 3, 4, 5, 6, 8, 9], stored.Select(e => e.Number));
        Assert.Equal(("Finale", new DateOnly(2026, 2, 27)), (stored[6].Name, stored[6].AirDate));
    }

    [Fact]
    public async Task A_show_is_imported_even_when_TMDB_fails_for_its_seasons_and_is_left_for_the_refresh_job()
    {
        await fixture.DbAsync(db => db.MediaItems.Where(m => m.TmdbId == TmdbFixtures.BreakingBad).ExecuteDeleteAsync());
        Tmdb.Script("tv/1396/season/3", FakeTmdbReply.Status(404));

        var imported = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.ImportAsync(TmdbFixtures.BreakingBad, MediaType.Tv, CancellationToken.None));

        var show = await fixture.DbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(m => m.Id == imported.MediaItemId));
        Assert.Null(show.SeasonsRefreshedAt);
        Assert.Equal(0, await fixture.DbAsync(db => db.Episodes.CountAsync(e => e.MediaItemId == imported.MediaItemId)));
    }
}
