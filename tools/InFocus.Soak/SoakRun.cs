using System.Diagnostics;
using Azure.Storage.Queues;
using InFocus.DevHost;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Npgsql;

namespace InFocus.Soak;

/// <summary>
/// One soak run: the development host over real HTTP on a loopback port, in this process (so on the build
/// configuration of this tool: Release from scripts/soak.sh) or, to be killed, as a process of its own; a fresh
/// database, the fake TMDB, the shared Azurite and smtp4dev; the workload for the given time with the faults asked
/// for; then the database checked against every acknowledged write.
/// </summary>
public static class SoakRun
{
    public static async Task<SoakResult> RunAsync(SoakOptions options, TextWriter output)
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var database = await SoakDatabase.CreateAsync(ownServer: options.PostgresOutageAt is not null);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var queue = $"soak-invitations-{Guid.NewGuid():N}";
        var settings = TestSettings.Sample.ToDictionary(s => s.Key, s => (string?)s.Value);
        foreach (var (key, value) in tmdb.TestHostSettings.Concat(TestSettings.HostOverrides(database.ConnectionString, queue)))
        {
            settings[key] = value;
        }

        try
        {
            if (options.KillHostAt is null)
            {
                await using var host = DevHostApplication.Build(new DevHostOptions { Urls = "http://127.0.0.1:0", UseEnvironmentVariables = false, Settings = settings, TrustForwardedHeaders = true });
                await host.StartAsync();
                var result = await LoadAsync(new Uri(host.Urls.Single() + "/"), dataSource, database, hostProcess: null, options, output);
                await host.StopAsync();
                return result;
            }

            await using var process = new SoakHostProcess(settings);
            await process.StartAsync();
            return await LoadAsync(process.BaseAddress, dataSource, database, process, options, output);
        }
        finally
        {
            var queues = new QueueServiceClient(TestEnvironment.Storage);
            await queues.GetQueueClient(queue).DeleteIfExistsAsync();
            await queues.GetQueueClient(queue + "-poison").DeleteIfExistsAsync();
        }
    }

    private static async Task<SoakResult> LoadAsync(
        Uri baseAddress, NpgsqlDataSource dataSource, SoakDatabase database, SoakHostProcess? hostProcess, SoakOptions options, TextWriter output)
    {
        var metrics = new SoakMetrics();
        var ledger = new SoakLedger();
        using var workload = new SoakWorkload(baseAddress, () => TestPostgres.CreateContext(dataSource), metrics, ledger);
        await workload.SeedAsync(options.Connections);
        output.WriteLine($"soak: {options.Connections} connections for {options.Duration.TotalSeconds:0} s against {baseAddress}");

        using var stop = new CancellationTokenSource(options.Duration);
        var started = Stopwatch.StartNew();
        var load = workload.RunAsync(stop.Token);
        if (options.PostgresOutageAt is { } outageAt)
        {
            await Task.Delay(outageAt);
            output.WriteLine($"soak: PostgreSQL stopped at {started.Elapsed.TotalSeconds:0.0} s");
            await database.StopAsync();
            await Task.Delay(options.OutageLength);
            await database.StartAsync();
            output.WriteLine($"soak: PostgreSQL started at {started.Elapsed.TotalSeconds:0.0} s");
        }

        if (options.KillHostAt is { } killAt && hostProcess is not null)
        {
            await Task.Delay(killAt);
            await hostProcess.KillAsync();
            output.WriteLine($"soak: host killed (SIGKILL) at {started.Elapsed.TotalSeconds:0.0} s");
            await hostProcess.StartAsync();
            output.WriteLine($"soak: host answering again at {started.Elapsed.TotalSeconds:0.0} s");
        }

        await load;
        var elapsed = started.Elapsed;

        // The soak's own connections from before an outage are broken: verify on fresh ones.
        dataSource.Clear();
        await using var context = TestPostgres.CreateContext(dataSource);
        var problems = await ledger.VerifyAsync(context);
        var result = new SoakResult(
            metrics.Requests, ledger.AcknowledgedWrites, metrics.ServerErrors(options.PostgresOutageAt is not null), metrics.Count(0),
            metrics.Count(503), problems, HostKilled: options.KillHostAt is not null);
        output.Write(metrics.Summary(elapsed));
        output.WriteLine(result.ToString());
        foreach (var problem in problems.Take(50))
        {
            output.WriteLine("  " + problem);
        }

        return result;
    }
}

/// <summary>
/// What a soak run saw: it passed when every acknowledged write is in the database, nothing is half-applied and
/// nothing failed. Requests without an answer fail a run, except those cut off by a kill of the host.
/// </summary>
public sealed record SoakResult(
    int Requests, int AcknowledgedWrites, int ServerErrors, int NoAnswer, int Unavailable, IReadOnlyList<string> Problems, bool HostKilled = false)
{
    public bool Passed => ServerErrors == 0 && (NoAnswer == 0 || HostKilled) && Problems.Count == 0;

    public override string ToString() =>
        $"soak: {(Passed ? "PASSED" : "FAILED")}: {Requests} requests, {AcknowledgedWrites} acknowledged writes checked in the database, " +
        $"{Problems.Count} lost, duplicated or half-applied, {ServerErrors} 5xx, {NoAnswer} without an answer{(HostKilled ? " (the host was killed)" : "")}, " +
        $"{Unavailable} 503 during an injected outage";
}
