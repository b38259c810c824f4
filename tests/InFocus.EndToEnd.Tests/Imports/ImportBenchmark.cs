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
/// <c>INFOCUS_IMPORT_BENCHMARK_RATE</c> (40). Prints rows per second beside the bound 1.2 × requests ÷ rate, and the
/// process's peak resident memory during the import beside the bound of 200 MB.
/// </summary>
public sealed class ImportBenchmarkFixture : TmdbHostFixture
{
    public static int Rows { get; } = int.TryParse(Environment.GetEnvironmentVariable("INFOCUS_IMPORT_BENCHMARK_ROWS"), CultureInfo.InvariantCulture, out var rows) ? rows : 0;

    /// <summary>Distinct films the rows name (<c>INFOCUS_IMPORT_BENCHMARK_TITLES</c>, default one per row): row i names film i mod this, watched on day i ÷ this, so a large file can be a long diary of rewatches whose TMDB cost stays small.</summary>
    public static int Titles { get; } = int.TryParse(Environment.GetEnvironmentVariable("INFOCUS_IMPORT_BENCHMARK_TITLES"), CultureInfo.InvariantCulture, out var titles) && titles > 0 ? titles : Rows;

    public static int Rate { get; } = int.TryParse(Environment.GetEnvironmentVariable("INFOCUS_IMPORT_BENCHMARK_RATE"), CultureInfo.InvariantCulture, out var rate) ? rate : 40;

    public static int LatencyMs { get; } = int.TryParse(Environment.GetEnvironmentVariable("INFOCUS_IMPORT_BENCHMARK_LATENCY_MS"), CultureInfo.InvariantCulture, out var ms) ? ms : 50;

    protected override void Stock(FakeTmdbServer tmdb)
    {
        tmdb.Latency = TimeSpan.FromMilliseconds(LatencyMs);
        for (var i = 0; i < Titles; i++)
        {
            tmdb.AddTitle(MediaType.Movie, 2_000_000 + i, $"Benchmark Film {i}", "2005-05-05");
        }
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Tmdb__RequestsPerSecond"] = Rate.ToString(CultureInfo.InvariantCulture);
        settings["Tmdb__AttemptTimeout"] = "00:00:30";
        settings["Tmdb__TotalTimeout"] = "00:01:00";
        return settings;
    }
}

public sealed class ImportBenchmark(ImportBenchmarkFixture host, ITestOutputHelper output) : IClassFixture<ImportBenchmarkFixture>
{
    [BenchmarkFact("INFOCUS_IMPORT_BENCHMARK_ROWS")]
    public async Task Letterboxd_watched_csv()
    {
        using var user = await host.SignUpAsync();
        var csv = new StringBuilder("Date,Name,Year,Letterboxd URI\r\n");
        for (var i = 0; i < ImportBenchmarkFixture.Rows; i++)
        {
            var film = i % ImportBenchmarkFixture.Titles;
            var watched = new DateOnly(2000, 1, 1).AddDays(i / ImportBenchmarkFixture.Titles);
            csv.Append(CultureInfo.InvariantCulture, $"{watched:yyyy-MM-dd},Benchmark Film {film},2005,https://boxd.it/b{film}\r\n");
        }

        var file = Encoding.UTF8.GetBytes(csv.ToString());
        csv.Clear();
        host.Tmdb.ClearRequests();
        ResetPeakMemory();
        var startMegabytes = MemoryKilobytes("VmRSS") / 1024.0;
        var clock = Stopwatch.StartNew();
        var import = await ImportsHostFixture.ImportAsync(user.Client, "letterboxd", file, "text/csv", "watched.csv", TimeSpan.FromHours(1));
        clock.Stop();
        var peakMegabytes = MemoryKilobytes("VmHWM") / 1024.0;

        var requests = host.Tmdb.Requests.Count;
        var bound = 1.2 * requests / ImportBenchmarkFixture.Rate;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCHMARK rows={import.Total} titles={ImportBenchmarkFixture.Titles} added={import.Added} unmatched={import.Unmatched} tmdbRequests={requests} latencyMs={ImportBenchmarkFixture.LatencyMs} rate={ImportBenchmarkFixture.Rate}/s " +
            $"seconds={clock.Elapsed.TotalSeconds:F1} rowsPerSecond={import.Total / clock.Elapsed.TotalSeconds:F1} boundSeconds(1.2*requests/rate)={bound:F1} withinBound={clock.Elapsed.TotalSeconds <= bound} " +
            $"fileMB={file.Length / 1048576.0:F1} residentAtStartMB={startMegabytes:F0} peakResidentMB={peakMegabytes:F0} importMB(peak-start)={peakMegabytes - startMegabytes:F0} " +
            $"withinMemoryBound(200MB)={peakMegabytes <= MemoryBoundMegabytes}"));
        Assert.Equal(ImportStatus.Completed, import.Status);
    }

    /// <summary>Issue #17: a 100,000-row file imports in under 200 MB.</summary>
    private const int MemoryBoundMegabytes = 200;

    /// <summary>
    /// Resets the process's peak resident set (Linux: writing 5 to <c>/proc/self/clear_refs</c>), so the peak read
    /// after the import is the import's: the whole test process (host, fake TMDB and all), at its highest during it.
    /// </summary>
    private static void ResetPeakMemory() => File.WriteAllText("/proc/self/clear_refs", "5");

    /// <summary>A line of <c>/proc/self/status</c> in kB: <c>VmRSS</c> (resident now) or <c>VmHWM</c> (the peak since the reset).</summary>
    private static long MemoryKilobytes(string field) =>
        long.Parse(
            File.ReadLines("/proc/self/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(),
            CultureInfo.InvariantCulture);
}
