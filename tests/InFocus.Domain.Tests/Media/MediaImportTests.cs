using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Media;

public sealed class MediaImportTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    private FakeTmdbServer Tmdb => fixture.Tmdb;

    [Fact]
    public async Task Importing_a_movie_stores_its_details_directors_and_providers_from_one_TMDB_request()
    {
        await DeleteAsync(MediaType.Movie, TmdbFixtures.FightClub);
        Tmdb.ClearRequests();

        var imported = await fixture.WithAsync<MediaCatalog, ImportedMedia>(
            c => c.ImportAsync(new ImportMediaRequest(TmdbFixtures.FightClub, "movie"), CancellationToken.None));

        Assert.True(imported.Created);
        Assert.Single(Tmdb.RequestsTo("movie/550"));
        var item = imported.Item;
        Assert.Equal((TmdbFixtures.FightClub, MediaType.Movie, "Fight Club"), (item.TmdbId, item.Type, item.Title));
        Assert.StartsWith("A ticking-time-bomb insomniac", item.Description, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(1999, 10, 15), item.ReleaseDate);
        Assert.Equal(8.4m, item.Rating);
        Assert.Equal(["Drama"], item.Genres);
        Assert.Equal(["David Fincher"], item.Creators);
        Assert.Equal("https://image.tmdb.org/t/p/w500/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg", item.PosterUrl);
        Assert.Equal("https://image.tmdb.org/t/p/w1280/hZkgoQYus5vegHoetLkCJzb17zJ.jpg", item.BackdropUrl);
        Assert.Equal(fixture.Clock.GetUtcNow(), item.ProvidersRefreshedAt);

        var peacock = Assert.Single(item.Providers, p => p.Name == "Peacock Premium");
        Assert.Equal((387, StreamingOfferType.Subscription, "US"), (peacock.TmdbProviderId, peacock.OfferType, string.Join(',', peacock.Regions)));
        Assert.Equal("https://www.themoviedb.org/movie/550-fight-club/watch", peacock.Url);
        Assert.Equal("https://image.tmdb.org/t/p/w92/drPlq5beqXtBaP7MNs8W616YRhm.jpg", peacock.LogoUrl);
        var appleBuy = Assert.Single(item.Providers, p => p is { TmdbProviderId: 2, OfferType: StreamingOfferType.Buy });
        Assert.Equal(["CA", "DE", "GB", "US"], appleBuy.Regions);

        var stored = await fixture.DbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(m => m.Id == item.Id));
        Assert.Equal("/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg", stored.PosterPath);
    }

    [Fact]
    public async Task Importing_a_show_uses_its_first_air_date_and_creators()
    {
        var imported = await fixture.WithAsync<MediaCatalog, ImportedMedia>(
            c => c.ImportAsync(new ImportMediaRequest(TmdbFixtures.BreakingBad, "tv"), CancellationToken.None));

        var item = imported.Item;
        Assert.Equal((MediaType.Tv, "Breaking Bad", new DateOnly(2008, 1, 20)), (item.Type, item.Title, item.ReleaseDate));
        Assert.Equal(["Vince Gilligan"], item.Creators);
        Assert.Equal(["Drama", "Crime"], item.Genres);
        Assert.Equal(8.9m, item.Rating);
        var netflix = Assert.Single(item.Providers, p => p.OfferType == StreamingOfferType.Subscription);
        Assert.Equal(("Netflix", "GB,US"), (netflix.Name, string.Join(',', netflix.Regions)));
    }

    [Fact]
    public async Task Importing_a_title_again_refreshes_the_same_row()
    {
        var first = await ImportAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        var second = await ImportAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie);

        Assert.False(second.Created);
        Assert.Equal(first.MediaItemId, second.MediaItemId);
        var stored = await fixture.DbAsync(db => db.MediaItems.AsNoTracking().Where(m => m.TmdbId == TmdbFixtures.ShawshankRedemption).ToListAsync());
        Assert.Equal(fixture.Clock.GetUtcNow(), Assert.Single(stored).ProvidersRefreshedAt);
    }

    [Fact]
    public async Task Concurrent_imports_of_one_title_store_one_row_and_one_of_them_creates_it()
    {
        await DeleteAsync(MediaType.Tv, TmdbFixtures.GameOfThrones);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ImportAsync(TmdbFixtures.GameOfThrones, MediaType.Tv)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.MediaItemId).Distinct());
        var (rows, providers) = await fixture.DbAsync(async db => (
            await db.MediaItems.CountAsync(m => m.TmdbId == TmdbFixtures.GameOfThrones && m.TmdbType == MediaType.Tv),
            await db.StreamingProviders.CountAsync(p => p.MediaItemId == results[0].MediaItemId)));
        Assert.Equal(1, rows);
        Assert.Equal(13, providers);
    }

    [Fact]
    public async Task Reimporting_replaces_providers_that_changed_at_TMDB()
    {
        var first = await ImportAsync(TmdbFixtures.Rrrrrrr, MediaType.Movie);
        Assert.Empty(await ProvidersAsync(first.MediaItemId));
        Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders(("FR", "flatrate", 8, "Netflix"), ("FR", "rent", 2, "Apple TV")));
        await ImportAsync(TmdbFixtures.Rrrrrrr, MediaType.Movie);
        Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders(("FR", "flatrate", 8, "Netflix"), ("BE", "flatrate", 8, "Netflix")));

        await ImportAsync(TmdbFixtures.Rrrrrrr, MediaType.Movie);

        var provider = Assert.Single(await ProvidersAsync(first.MediaItemId));
        Assert.Equal((8, StreamingOfferType.Subscription, "BE,FR"), (provider.TmdbProviderId, provider.OfferType, string.Join(',', provider.Regions)));
        Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders());
    }

    [Fact]
    public async Task An_import_runs_the_same_few_statements_however_many_providers_a_title_has()
    {
        Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders());
        await ImportAsync(TmdbFixtures.FightClub, MediaType.Movie);
        await ImportAsync(TmdbFixtures.Rrrrrrr, MediaType.Movie);

        fixture.Statements.Reset();
        await ImportAsync(TmdbFixtures.FightClub, MediaType.Movie);
        var many = fixture.Statements.Count;
        fixture.Statements.Reset();
        await ImportAsync(TmdbFixtures.Rrrrrrr, MediaType.Movie);
        var none = fixture.Statements.Count;

        Assert.Equal(5, many); // the title, its stamp, arrivals to notify, removed offers, new offers
        Assert.Equal(3, none);
    }

    [Fact]
    public async Task An_unknown_TMDB_id_is_not_found_and_nothing_is_stored()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => ImportAsync(987_654_321, MediaType.Movie));

        Assert.False(await fixture.DbAsync(db => db.MediaItems.AnyAsync(m => m.TmdbId == 987_654_321)));
    }

    [Fact]
    public async Task When_TMDB_is_down_importing_is_unavailable_but_ensuring_a_stored_title_still_works()
    {
        var stored = await ImportAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie);
        Tmdb.StartOutage(FakeTmdbReply.Status(500));
        try
        {
            await Assert.ThrowsAsync<DependencyUnavailableException>(() => ImportAsync(TmdbFixtures.GameOfThrones + 1, MediaType.Tv));
            Tmdb.ClearRequests();

            var ensured = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
                c => c.EnsureAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie, CancellationToken.None));

            Assert.Equal(new MediaImportResult(stored.MediaItemId, Created: false), ensured);
            Assert.Empty(Tmdb.Requests);
        }
        finally
        {
            Tmdb.EndOutage();
        }
    }

    [Fact]
    public async Task Ensuring_a_title_not_yet_stored_imports_it()
    {
        await DeleteAsync(MediaType.Movie, TmdbFixtures.ShawshankRedemption);

        var ensured = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.EnsureAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie, CancellationToken.None));

        Assert.True(ensured.Created);
    }

    [Theory]
    [InlineData(null, "movie", "tmdbId", "is required.")]
    [InlineData(0, "movie", "tmdbId", "must be a positive integer.")]
    [InlineData(-5, "tv", "tmdbId", "must be a positive integer.")]
    [InlineData(550, null, "type", "is required.")]
    [InlineData(550, "all", "type", "must be one of: movie, tv.")]
    [InlineData(550, "Movie", "type", "must be one of: movie, tv.")]
    public async Task Invalid_import_requests_name_the_field(int? tmdbId, string? type, string field, string message)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => fixture.WithAsync<MediaCatalog, ImportedMedia>(
            c => c.ImportAsync(new ImportMediaRequest(tmdbId, type), CancellationToken.None)));

        Assert.Equal([message], error.Errors[field]);
    }

    private Task<MediaImportResult> ImportAsync(int tmdbId, MediaType type) =>
        fixture.WithAsync<MediaCatalog, MediaImportResult>(c => c.ImportAsync(tmdbId, type, CancellationToken.None));

    private Task<List<StreamingProvider>> ProvidersAsync(string mediaItemId) =>
        fixture.DbAsync(db => db.StreamingProviders.AsNoTracking().Where(p => p.MediaItemId == mediaItemId).ToListAsync());

    private Task DeleteAsync(MediaType type, int tmdbId) =>
        fixture.DbAsync(db => db.MediaItems.Where(m => m.TmdbId == tmdbId && m.TmdbType == type).ExecuteDeleteAsync());
}
