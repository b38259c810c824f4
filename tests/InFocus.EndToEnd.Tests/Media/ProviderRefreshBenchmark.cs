using System.Diagnostics;
using System.Globalization;
using InFocus.Domain.Media;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace InFocus.EndToEnd.Tests.Media;

/// <summary>
/// Not a test: the provider refresh benchmark <c>scripts/refresh-benchmark.sh</c> runs (skipped unless
/// <c>INFOCUS_REFRESH_BENCHMARK_TITLES</c> is set). That many never-refreshed titles in the catalog, the fake TMDB
/// answering after <c>INFOCUS_REFRESH_BENCHMARK_LATENCY_MS</c> (50), <c>Tmdb__RequestsPerSecond</c> =
/// <c>INFOCUS_REFRESH_BENCHMARK_RATE</c> (40) and a time budget of <c>INFOCUS_REFRESH_BENCHMARK_SECONDS</c> (30): one
/// <c>RefreshStreamingProviders</c> run through the admin API, and the TMDB requests per second it reached beside the
/// configured rate (issue #19: at least 0.9 of it).
/// </summary>
public sealed class ProviderRefreshBenchmarkFixture : TmdbHostFixture
{
    public const int FirstTmdbId = 3_000_000;

    public static int Titles { get; } = Setting("INFOCUS_REFRESH_BENCHMARK_TITLES", 0);

    public static int Rate { get; } = Setting("INFOCUS_REFRESH_BENCHMARK_RATE", 40);

    public static int LatencyMs { get; } = Setting("INFOCUS_REFRESH_BENCHMARK_LATENCY_MS", 50);

    public static int BudgetSeconds { get; } = Setting("INFOCUS_REFRESH_BENCHMARK_SECONDS", 30);

    protected override void Stock(FakeTmdbServer tmdb)
    {
        tmdb.Latency = TimeSpan.FromMilliseconds(LatencyMs);
        for (var i = 0; i < Titles; i++)
        {
            tmdb.AddTitle(MediaType.Movie, FirstTmdbId + i, $"Refresh Film {i}", "2005-05-05");
        }
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Tmdb__RequestsPerSecond"] = Rate.ToString(CultureInfo.InvariantCulture);
        settings["Tmdb__RefreshTimeBudget"] = TimeSpan.FromSeconds(BudgetSeconds).ToString("c", CultureInfo.InvariantCulture);
        return settings;
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

public sealed class ProviderRefreshBenchmark(ProviderRefreshBenchmarkFixture host, ITestOutputHelper output) : IClassFixture<ProviderRefreshBenchmarkFixture>
{
    [BenchmarkFact("INFOCUS_REFRESH_BENCHMARK_TITLES")]
    public async Task RefreshStreamingProviders_against_the_configured_rate()
    {
        await host.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO media_items (id, tmdb_id, tmdb_type, title, genres, creators)
            SELECT 'cbench' || lpad(g::text, 19, '0'), {ProviderRefreshBenchmarkFixture.FirstTmdbId} + g, 'movie', 'Refresh Film ' || g, ARRAY[]::text[], ARRAY[]::text[]
            FROM generate_series(0, {ProviderRefreshBenchmarkFixture.Titles} - 1) AS g
            """));
        host.Tmdb.ClearRequests();

        var clock = Stopwatch.StartNew();
        var outcome = await host.RunFunctionAsync("RefreshStreamingProviders");
        clock.Stop();

        var requests = host.Tmdb.Requests.Count;
        var refreshed = await host.DbAsync(db => db.MediaItems.CountAsync(m => m.ProvidersRefreshedAt != null));
        var perSecond = requests / clock.Elapsed.TotalSeconds;
        var ratio = perSecond / ProviderRefreshBenchmarkFixture.Rate;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCHMARK titles={ProviderRefreshBenchmarkFixture.Titles} refreshed={refreshed} tmdbRequests={requests} latencyMs={ProviderRefreshBenchmarkFixture.LatencyMs} " +
            $"rate={ProviderRefreshBenchmarkFixture.Rate}/s seconds={clock.Elapsed.TotalSeconds:F1} requestsPerSecond={perSecond:F1} ofRate={ratio:F2} (target >= 0.9) " +
            $"titlesPerDayAtThisPace(4 runs x 300 s)={perSecond * 4 * 300:F0}"));
        Assert.True(outcome.IsSuccess, outcome.Error);
    }
}
