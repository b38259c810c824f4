using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;

namespace InFocus.Domain.Tests.Media;

/// <summary>With no TMDB credentials nothing reaches TMDB, and titles already in the catalog still work.</summary>
public sealed class MediaWithoutTmdbTests(MediaWithoutTmdbTests.Fixture fixture) : IClassFixture<MediaWithoutTmdbTests.Fixture>
{
    [Fact]
    public async Task Search_and_import_are_unavailable_and_stored_titles_are_still_served()
    {
        var stored = new MediaItem { TmdbId = TmdbFixtures.FightClub, TmdbType = MediaType.Movie, Title = "Fight Club" };
        await fixture.DbAsync(db =>
        {
            db.MediaItems.Add(stored);
            return db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => fixture.WithAsync<MediaSearch, MediaSearchResponse>(
            s => s.SearchAsync(new MediaSearchRequest("fight club", null, null), CancellationToken.None)));
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => fixture.WithAsync<MediaCatalog, ImportedMedia>(
            c => c.ImportAsync(new ImportMediaRequest(TmdbFixtures.ShawshankRedemption, "movie"), CancellationToken.None)));
        var ensured = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.EnsureAsync(TmdbFixtures.FightClub, MediaType.Movie, CancellationToken.None));
        var item = await fixture.WithAsync<MediaCatalog, MediaItemResponse>(c => c.GetAsync(stored.Id, "US", CancellationToken.None));

        Assert.Equal(stored.Id, ensured.MediaItemId);
        Assert.Equal("Fight Club", item.Title);
        Assert.Empty(fixture.Tmdb.Requests);
    }

    [Fact]
    public async Task The_refresh_job_does_nothing()
    {
        var report = await fixture.WithAsync<StreamingProviderRefresh, ProviderRefreshReport>(r => r.RunAsync(CancellationToken.None));

        Assert.Equal(ProviderRefreshStop.NotConfigured, report.Stop);
        Assert.Empty(fixture.Tmdb.Requests);
    }

    public sealed class Fixture : TmdbDomainFixture
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Tmdb__ReadAccessToken"] = "";
            settings["Tmdb__ApiKey"] = "";
            return settings;
        }
    }
}
