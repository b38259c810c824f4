using InFocus.Domain.Media;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Media;

public sealed class StreamingProviderRefreshTests(StreamingProviderRefreshTests.Fixture fixture)
    : IClassFixture<StreamingProviderRefreshTests.Fixture>, IAsyncLifetime
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);

    private FakeTmdbServer Tmdb => fixture.Tmdb;

    public Task InitializeAsync() => fixture.DbAsync(db => db.MediaItems.ExecuteDeleteAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Stale_titles_are_refreshed_never_refreshed_and_oldest_first_in_batches_and_fresh_ones_are_left_alone()
    {
        var shawshank = await ImportAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var fightClub = await ImportAsync(TmdbFixtures.FightClub, MediaType.Movie);
        var breakingBad = await ImportAsync(TmdbFixtures.BreakingBad, MediaType.Tv);
        await fixture.DbAsync(db => db.MediaItems.Where(m => m.Id == breakingBad)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProvidersRefreshedAt, (DateTimeOffset?)null)));
        fixture.Clock.Advance(MaxAge);
        var gameOfThrones = await ImportAsync(TmdbFixtures.GameOfThrones, MediaType.Tv);
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));
        Tmdb.ClearRequests();

        var report = await RunAsync();

        Assert.Equal(new ProviderRefreshReport(3, 0, 0, ProviderRefreshStop.NothingStale), report);
        var paths = Tmdb.Requests.Select(r => r.Path).ToList();
        Assert.Equal(3, paths.Count);
        Assert.Equal(
            ["movie/278/watch/providers", "tv/1396/watch/providers"],
            paths.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal("movie/550/watch/providers", paths[2]);
        var refreshed = await RefreshedAtAsync();
        Assert.All([shawshank, fightClub, breakingBad], id => Assert.Equal(fixture.Clock.GetUtcNow(), refreshed[id]));
        Assert.Equal(fixture.Clock.GetUtcNow() - TimeSpan.FromMinutes(30), refreshed[gameOfThrones]);
    }

    [Fact]
    public async Task Providers_that_disappeared_are_removed_and_new_ones_added()
    {
        Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders(
            ("FR", "flatrate", 8, "Netflix"), ("FR", "rent", 2, "Apple TV"), ("BE", "rent", 2, "Apple TV")));
        var id = await ImportAsync(TmdbFixtures.Rrrrrrr, MediaType.Movie);
        var netflix = (await ProvidersAsync(id)).Single(p => p.TmdbProviderId == 8);
        Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders(
            ("FR", "flatrate", 8, "Netflix"), ("FR", "rent", 2, "Apple TV"), ("FR", "ads", 300, "Pluto TV")));
        fixture.Clock.Advance(MaxAge + TimeSpan.FromMinutes(1));

        var report = await RunAsync();

        Assert.Equal(1, report.Refreshed);
        var providers = await ProvidersAsync(id);
        Assert.Equal(
            [(2, StreamingOfferType.Rent, "FR"), (8, StreamingOfferType.Subscription, "FR"), (300, StreamingOfferType.Ads, "FR")],
            providers.Select(p => (p.TmdbProviderId, p.OfferType, string.Join(',', p.Regions))).Order());
        var unchanged = providers.Single(p => p.TmdbProviderId == 8);
        Assert.Equal((netflix.Id, netflix.UpdatedAt), (unchanged.Id, unchanged.UpdatedAt));
    }

    [Fact]
    public async Task A_title_that_fails_is_logged_and_skipped_while_the_others_are_refreshed()
    {
        var failing = await ImportAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie);
        var malformed = await ImportAsync(TmdbFixtures.BreakingBad, MediaType.Tv);
        var fine = await ImportAsync(TmdbFixtures.FightClub, MediaType.Movie);
        var importedAt = fixture.Clock.GetUtcNow();
        fixture.Clock.Advance(MaxAge + TimeSpan.FromMinutes(1));
        Tmdb.Script("movie/278/watch/providers", FakeTmdbReply.Status(500), FakeTmdbReply.Status(500), FakeTmdbReply.Status(500));
        Tmdb.Script("tv/1396/watch/providers", FakeTmdbReply.Malformed());
        Tmdb.ClearRequests();

        var report = await RunAsync();

        Assert.Equal(new ProviderRefreshReport(1, 2, 0, ProviderRefreshStop.NothingStale), report);
        var refreshed = await RefreshedAtAsync();
        Assert.Equal((importedAt, importedAt, fixture.Clock.GetUtcNow()), (refreshed[failing], refreshed[malformed], refreshed[fine]));
        Assert.Equal(3, Tmdb.RequestsTo("movie/278/watch/providers").Count);
        Assert.Single(Tmdb.RequestsTo("tv/1396/watch/providers"));
    }

    [Fact]
    public async Task A_title_TMDB_no_longer_knows_keeps_its_providers_and_is_not_retried_until_stale_again()
    {
        var id = await ImportAsync(TmdbFixtures.GameOfThrones, MediaType.Tv);
        fixture.Clock.Advance(MaxAge + TimeSpan.FromMinutes(1));
        Tmdb.Script("tv/1399/watch/providers", FakeTmdbReply.Status(404));

        var report = await RunAsync();
        var again = await RunAsync();

        Assert.Equal(new ProviderRefreshReport(0, 0, 1, ProviderRefreshStop.NothingStale), report);
        Assert.Equal(new ProviderRefreshReport(0, 0, 0, ProviderRefreshStop.NothingStale), again);
        Assert.Equal(fixture.Clock.GetUtcNow(), (await RefreshedAtAsync())[id]);
        Assert.Equal(13, (await ProvidersAsync(id)).Count);
    }

    [Fact]
    public async Task Titles_on_a_watchlist_are_refreshed_before_the_rest_of_the_catalog()
    {
        var neverRefreshed = await ImportAsync(TmdbFixtures.ShawshankRedemption, MediaType.Movie);
        await fixture.DbAsync(db => db.MediaItems.Where(m => m.Id == neverRefreshed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProvidersRefreshedAt, (DateTimeOffset?)null)));
        await ImportAsync(TmdbFixtures.FightClub, MediaType.Movie);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var listed = await ImportAsync(TmdbFixtures.BreakingBad, MediaType.Tv);
        var listedNeverRefreshed = await ImportAsync(TmdbFixtures.GameOfThrones, MediaType.Tv);
        await fixture.DbAsync(db => db.MediaItems.Where(m => m.Id == listedNeverRefreshed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProvidersRefreshedAt, (DateTimeOffset?)null)));
        var userId = InFocus.Domain.Common.Cuid.NewId();
        await fixture.DbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO users (id, email, name, password_hash) VALUES ({userId}, {userId + "@example.com"}, 'Lister', 'x')");
            foreach (var title in (string[])[listed, listedNeverRefreshed])
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO watchlist_entries (id, user_id, media_item_id, status) VALUES ({InFocus.Domain.Common.Cuid.NewId()}, {userId}, {title}, 'not_watched')");
            }
        });
        fixture.Clock.Advance(MaxAge + TimeSpan.FromMinutes(1));
        Tmdb.ClearRequests();

        var report = await RunAsync();

        Assert.Equal(4, report.Refreshed);
        // Batches of two: the listed titles (never refreshed first), then the rest (never refreshed first, then the oldest).
        var paths = Tmdb.Requests.Select(r => r.Path).ToList();
        Assert.Equal(["tv/1396/watch/providers", "tv/1399/watch/providers"], paths.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal(["movie/278/watch/providers", "movie/550/watch/providers"], paths.Skip(2).Order(StringComparer.Ordinal));
        Assert.Equal(4, (await RefreshedAtAsync()).Values.Count(at => at == fixture.Clock.GetUtcNow()));
    }

    /// <summary>
    /// A batch walks an index in its order (providers_refreshed_at, id; or the primary key for the never-refreshed)
    /// and stops at the batch size: no plan sorts the stale titles, however many there are.
    /// </summary>
    [Fact]
    public async Task Each_batch_statement_reads_an_index_in_order_instead_of_sorting_the_stale_titles()
    {
        await fixture.DbAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO media_items (id, tmdb_id, tmdb_type, title, genres, creators, providers_refreshed_at)
            SELECT 'cplan' || lpad(g::text, 20, '0'), 900000000 + g, 'movie', 'Plan ' || g, '{{}}', '{{}}',
                   CASE WHEN g % 3 = 0 THEN NULL ELSE now() - g * interval '1 minute' - interval '2 days' END
            FROM generate_series(1, 20000) AS g;
            ANALYZE media_items;
            """));
        fixture.Statements.Reset();
        Tmdb.Latency = TimeSpan.FromSeconds(30);
        try
        {
            // One batch is enough to capture its statements; the slow TMDB and a short budget end the run.
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await fixture.WithAsync<StreamingProviderRefresh, ProviderRefreshReport>(r => r.RunAsync(cancellation.Token))
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            Tmdb.Latency = TimeSpan.Zero;
        }

        var batchStatements = fixture.Statements.Queries
            .Where(q => q.Text.Contains("FROM media_items", StringComparison.Ordinal) && q.Text.Contains("ORDER BY", StringComparison.Ordinal))
            .DistinctBy(q => q.Text)
            .ToList();
        Assert.Equal(2, batchStatements.Count);
        foreach (var statement in batchStatements)
        {
            var plan = await fixture.ExplainAsync(statement);
            Assert.DoesNotContain(plan, line => line.Contains("Sort", StringComparison.Ordinal));
            Assert.StartsWith("Limit", plan[0], StringComparison.Ordinal);
            Assert.Contains("Index Scan using", plan[1], StringComparison.Ordinal);
        }
    }

    /// <summary>The plan of a captured query, with the values it ran with.</summary>
    private Task<ProviderRefreshReport> RunAsync() =>
        fixture.WithAsync<StreamingProviderRefresh, ProviderRefreshReport>(r => r.RunAsync(CancellationToken.None));

    private async Task<string> ImportAsync(int tmdbId, MediaType type) =>
        (await fixture.WithAsync<MediaCatalog, MediaImportResult>(c => c.ImportAsync(tmdbId, type, CancellationToken.None))).MediaItemId;

    private Task<Dictionary<string, DateTimeOffset?>> RefreshedAtAsync() =>
        fixture.DbAsync(db => db.MediaItems.ToDictionaryAsync(m => m.Id, m => m.ProvidersRefreshedAt));

    private Task<List<StreamingProvider>> ProvidersAsync(string mediaItemId) =>
        fixture.DbAsync(db => db.StreamingProviders.AsNoTracking().Where(p => p.MediaItemId == mediaItemId).ToListAsync());

    /// <summary>Small batches, two titles at a time, so batching and ordering show.</summary>
    public sealed class Fixture : TmdbDomainFixture
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Tmdb__RefreshBatchSize"] = "2";
            settings["Tmdb__RefreshParallelism"] = "2";
            return settings;
        }
    }
}
