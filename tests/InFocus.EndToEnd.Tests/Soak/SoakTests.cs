using InFocus.Soak;
using Xunit.Abstractions;

namespace InFocus.EndToEnd.Tests.Soak;

/// <summary>
/// The short form of scripts/soak.sh, so that CI runs the load and fault harness: a few seconds of the mixed workload
/// with fewer connections, the same with PostgreSQL stopped in the middle, and with the host killed (SIGKILL) and
/// started again. Every acknowledged write is checked in the database, nothing may be half-applied; no 5xx (but the
/// outage's 503s), no request without an answer (but those the kill cut off).
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public Task The_mixed_workload_loses_and_duplicates_nothing_and_answers_no_5xx() =>
        RunAsync(new SoakOptions { Connections = 8, Duration = TimeSpan.FromSeconds(4) });

    [Fact]
    public Task A_postgres_outage_under_load_answers_503_and_loses_no_acknowledged_write() =>
        RunAsync(new SoakOptions
        {
            Connections = 8,
            Duration = TimeSpan.FromSeconds(8),
            PostgresOutageAt = TimeSpan.FromSeconds(2),
            OutageLength = TimeSpan.FromSeconds(3),
        });

    [Fact]
    public Task A_host_killed_in_the_middle_of_writes_leaves_nothing_half_applied_and_loses_no_acknowledged_write() =>
        RunAsync(new SoakOptions { Connections = 8, Duration = TimeSpan.FromSeconds(8), KillHostAt = TimeSpan.FromSeconds(2) });

    private async Task RunAsync(SoakOptions options)
    {
        using var report = new StringWriter();
        var result = await SoakRun.RunAsync(options, report);

        output.WriteLine(report.ToString());
        Assert.True(result.Passed, report.ToString());
        Assert.True(result.AcknowledgedWrites > 0, "the workload wrote nothing");
        Assert.Equal(options.PostgresOutageAt is not null, result.Unavailable > 0);
    }
}
