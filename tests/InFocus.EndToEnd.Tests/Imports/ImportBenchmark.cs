using System.Diagnostics;
using System.Globalization;
using System.Text;
using InFocus.Domain.Imports;
using InFocus.Domain.Media;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit.Tmdb;
using Xunit.Abstractions;

namespace InFocus.EndToEnd.Tests.Imports;

/// <summary>
/// Not a test: the import benchmark <c>scripts/import-benchmark.sh</c> runs (skipped unless
/// <c>INFOCUS_IMPORT_BENCHMARK_ROWS</c> is set). A Letterboxd <c>watched.csv</c> of that many films, each new to the
/// catalog (a TMDB search and a details request), against the fake TMDB answering after
/// <c>INFOCUS_IMPORT_BENCHMARK_LATENCY_MS</c> (50) with <c>Tmdb__RequestsPerSecond</c> =
/// <c>INFOCUS_IMPORT_BENCHMARK_RATE</c> (40). Prints rows per second beside the bound 1.2 × requests ÷ rate.
/// </summary>
public sealed class ImportBenchmarkFixture : DevHostFixture
{
    public static int Rows { get; } = int.TryParse(Environment.GetEnvironmentVariable("INFOCUS_IMPORT_BENCHMARK_ROWS"), CultureInfo.InvariantCulture, out var rows) ? rows : 0;

    public static int Rate { get; } = int.TryParse(Environment.GetEnvironmentVariable("INFOCUS_IMPORT_BENCHMARK_RATE"), CultureInfo.InvariantCulture, out var rate) ? rate : 40;

    public static int LatencyMs { get; } = int.TryParse(Environment.GetEnvironmentVariable("INFOCUS_IMPORT_BENCHMARK_LATENCY_MS"), CultureInfo.InvariantCulture, out var ms) ? ms : 50;

    private FakeTmdbServer? _tmdb;

    public FakeTmdbServer Tmdb => _tmdb ?? throw new InvalidOperationException("The fixture is not initialized.");

    public override async Task InitializeAsync()
    {
        _tmdb = await FakeTmdbServer.StartAsync();
        _tmdb.Latency = TimeSpan.FromMilliseconds(LatencyMs);
        for (var i = 0; i < Rows; i++)
        {
            _tmdb.AddTitle(MediaType.Movie, 2_000_000 + i, $"Benchmark Film {i}", "2005-05-05");
        }

        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_tmdb is not null)
        {
            await _tmdb.DisposeAsync();
        }
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        foreach (var (key, value) in Tmdb.TestHostSettings)
        {
            settings[key] = value;
        }

        settings["Tmdb__RequestsPerSecond"] = Rate.ToString(CultureInfo.InvariantCulture);
        settings["Tmdb__AttemptTimeout"] = "00:00:30";
        settings["Tmdb__TotalTimeout"] = "00:01:00";
        return settings;
    }
}

/// <summary>Skipped unless the benchmark script asks for it.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (ImportBenchmarkFixture.Rows <= 0)
        {
            Skip = "The import benchmark runs from scripts/import-benchmark.sh.";
        }
    }
}

public sealed class ImportBenchmark(ImportBenchmarkFixture host, ITestOutputHelper output) : IClassFixture<ImportBenchmarkFixture>
{
    [BenchmarkFact]
    public async Task Letterboxd_watched_csv()
    {
        using var user = await host.SignUpAsync();
        var csv = new StringBuilder("Date,Name,Year,Letterboxd URI\r\n");
        for (var i = 0; i < ImportBenchmarkFixture.Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"2020-01-01,Benchmark Film {i},2005,https://boxd.it/b{i}\r\n");
        }

        host.Tmdb.ClearRequests();
        var clock = Stopwatch.StartNew();
        var import = await ImportsHostFixture.ImportAsync(user.Client, "letterboxd", Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "watched.csv", TimeSpan.FromHours(1));
        clock.Stop();

        var requests = host.Tmdb.Requests.Count;
        var bound = 1.2 * requests / ImportBenchmarkFixture.Rate;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCHMARK rows={import.Total} added={import.Added} unmatched={import.Unmatched} tmdbRequests={requests} latencyMs={ImportBenchmarkFixture.LatencyMs} rate={ImportBenchmarkFixture.Rate}/s " +
            $"seconds={clock.Elapsed.TotalSeconds:F1} rowsPerSecond={import.Total / clock.Elapsed.TotalSeconds:F1} boundSeconds(1.2*requests/rate)={bound:F1} withinBound={clock.Elapsed.TotalSeconds <= bound}"));
        Assert.Equal(ImportStatus.Completed, import.Status);
    }
}
