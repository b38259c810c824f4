using InFocus.Domain.Common;
using InFocus.Domain.Imports;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;
using static InFocus.EndToEnd.Tests.Imports.ImportsHostFixture;

namespace InFocus.EndToEnd.Tests.Imports;

/// <summary>The sample files of the README's walk-through (samples/) import through the development host as it says.</summary>
[Collection(ImportsCollection.Name)]
public sealed class SampleImportTests(ImportsHostFixture host)
{
    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(TestSettings.RepositoryRoot, "samples", name));

    [Fact]
    public async Task The_Trakt_sample_imports_a_film_two_episodes_and_reports_its_untitled_item()
    {
        using var user = await host.SignUpAsync();

        var import = await ImportAsync(user.Client, "trakt", Sample("trakt-watched-history.json"), "application/json", "watched-history.json");

        Assert.Equal((ImportStatus.Completed, 4, 2, 1, 1, 0), (import.Status, import.Total, import.Added, import.Unchanged, import.Unmatched, import.Errors));
        var unmatched = await GetAsync<Page<ImportRowResponse>>(user.Client, $"api/imports/{import.Id}/rows?outcome=unmatched");
        var row = Assert.Single(unmatched.Items);
        Assert.Equal(4, row.Line);
        Assert.Contains("names no title", row.Reason);
        var statuses = await host.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == user.Id)
            .Select(e => new { e.MediaItem!.TmdbId, e.Status }).ToDictionaryAsync(e => e.TmdbId, e => e.Status));
        Assert.Equal(WatchStatus.Completed, statuses[TmdbFixtures.ShawshankRedemption]);
        Assert.Equal(WatchStatus.Watching, statuses[TmdbFixtures.BreakingBad]);
        Assert.Equal(3, await host.DbAsync(db => db.Viewings.CountAsync(v => v.UserId == user.Id)));
    }

    [Fact]
    public async Task The_Letterboxd_sample_matches_two_films_by_title_and_year_and_reports_the_third()
    {
        using var user = await host.SignUpAsync();

        var import = await ImportAsync(user.Client, "letterboxd", Sample("letterboxd-diary.csv"), "text/csv", "diary.csv");

        Assert.Equal((ImportStatus.Completed, 3, 2, 1), (import.Status, import.Total, import.Added, import.Unmatched));
        var unmatched = await GetAsync<Page<ImportRowResponse>>(user.Client, $"api/imports/{import.Id}/rows?outcome=unmatched");
        Assert.Equal("No Such Film", Assert.Single(unmatched.Items).Values.GetProperty("Name").GetString());
        var ratings = await host.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == user.Id)
            .Select(e => new { e.MediaItem!.TmdbId, e.Rating }).ToDictionaryAsync(e => e.TmdbId, e => e.Rating));
        Assert.Equal((9, 10), (ratings[TmdbFixtures.FightClub], ratings[TmdbFixtures.ShawshankRedemption]));
    }
}
