using System.Diagnostics;
using Azure.Storage.Queues;
using InFocus.DevHost;
using InFocus.Domain.Data;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Soak;

/// <summary>
/// One soak run: the development host in this process (so on the build configuration of this tool: Release from
/// scripts/soak.sh) over real HTTP on a loopback port, with a fresh database, the fake TMDB, the shared Azurite and
/// smtp4dev; the workload for the given time, optionally a PostgreSQL outage in the middle; then the database checked
/// against every acknowledged write.
/// </summary>
public static class SoakRun
{
    public static async Task<SoakResult> RunAsync(SoakOptions options, TextWriter output)
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var database = await SoakDatabase.CreateAsync(ownServer: options.PostgresOutageAt is not null);
        var queue = $"soak-invitations-{Guid.NewGuid():N}";
        var settings = TestSettings.Sample.ToDictionary(s => s.Key, s => (string?)s.Value);
        foreach (var (key, value) in tmdb.TestHostSettings.Concat(TestSettings.HostOverrides(database.ConnectionString, queue)))
        {
            settings[key] = value;
        }

        var host = DevHostApplication.Build(new DevHostOptions { Urls = "http://127.0.0.1:0", UseEnvironmentVariables = false, Settings = settings });
        await host.StartAsync();
        try
        {
            return await LoadAsync(host, database, options, output);
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
            var queues = new QueueServiceClient(TestEnvironment.Storage);
            await queues.GetQueueClient(queue).DeleteIfExistsAsync();
            await queues.GetQueueClient(queue + "-poison").DeleteIfExistsAsync();
        }
    }

    private static async Task<SoakResult> LoadAsync(WebApplication host, SoakDatabase database, SoakOptions options, TextWriter output)
    {
        var metrics = new SoakMetrics();
        var ledger = new SoakLedger();
        using var workload = new SoakWorkload(new Uri(host.Urls.Single() + "/"), host.Services, metrics, ledger);
        await workload.SeedAsync(options.Connections);
        output.WriteLine($"soak: {options.Connections} connections for {options.Duration.TotalSeconds:0} s against {host.Urls.Single()}");

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

        await load;
        var elapsed = started.Elapsed;

        await using var scope = host.Services.CreateAsyncScope();
        var problems = await ledger.VerifyAsync(scope.ServiceProvider.GetRequiredService<InFocusDbContext>());
        var result = new SoakResult(
            metrics.Requests, ledger.AcknowledgedWrites, metrics.ServerErrors(options.PostgresOutageAt is not null), metrics.Count(0),
            metrics.Count(503), problems);
        output.Write(metrics.Summary(elapsed));
        output.WriteLine(result.ToString());
        foreach (var problem in problems.Take(50))
        {
            output.WriteLine("  " + problem);
        }

        return result;
    }
}

/// <summary>What a soak run saw: it passed when every acknowledged write is in the database and nothing failed.</summary>
public sealed record SoakResult(int Requests, int AcknowledgedWrites, int ServerErrors, int NoAnswer, int Unavailable, IReadOnlyList<string> Problems)
{
    public bool Passed => ServerErrors == 0 && NoAnswer == 0 && Problems.Count == 0;

    public override string ToString() =>
        $"soak: {(Passed ? "PASSED" : "FAILED")}: {Requests} requests, {AcknowledgedWrites} acknowledged writes checked in the database, " +
        $"{Problems.Count} lost or duplicated, {ServerErrors} 5xx, {NoAnswer} without an answer, {Unavailable} 503 during the injected outage";
}
