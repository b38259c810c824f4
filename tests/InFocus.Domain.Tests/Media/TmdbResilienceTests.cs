using System.Diagnostics;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Tests.Media;

/// <summary>Retries, timeouts, Retry-After, the circuit breaker and the rate limit of the TMDB client, over real HTTP.</summary>
public sealed class TmdbResilienceTests
{
    [Fact]
    public async Task Server_errors_are_retried_until_TMDB_answers()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb);
        tmdb.Script("movie/550", FakeTmdbReply.Status(500), FakeTmdbReply.Status(503));

        var details = await harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None);

        Assert.Equal("Fight Club", details.Title);
        Assert.Equal(3, tmdb.RequestsTo("movie/550").Count);
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_make_TMDB_unavailable()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb, new Dictionary<string, string?> { ["Tmdb__MaxRetries"] = "2" });
        tmdb.StartOutage(FakeTmdbReply.Status(500));

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.SearchAsync(MediaSearchType.All, "fight club", 1, CancellationToken.None));

        Assert.Equal(3, tmdb.Requests.Count);
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb);
        tmdb.Script("tv/1396/watch/providers", FakeTmdbReply.Dropped());

        var providers = await harness.Client.GetWatchProvidersAsync(MediaType.Tv, TmdbFixtures.BreakingBad, CancellationToken.None);

        Assert.Equal(["GB", "US"], providers.Results!.Keys.Order());
        Assert.Equal(2, tmdb.Requests.Count);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_delay_TMDB_asks_for()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb);
        tmdb.Script("movie/278", FakeTmdbReply.TooManyRequests(TimeSpan.FromSeconds(1)));

        var details = await harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.ShawshankRedemption, CancellationToken.None);

        Assert.Equal("The Shawshank Redemption", details.Title);
        var requests = tmdb.RequestsTo("movie/278");
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_we_wait_is_passed_on_to_the_caller_at_once()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb);
        tmdb.Script("movie/278", FakeTmdbReply.TooManyRequests(TimeSpan.FromSeconds(30)));

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.ShawshankRedemption, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Single(tmdb.Requests);
    }

    [Fact]
    public async Task A_slow_attempt_is_abandoned_and_retried()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb, new Dictionary<string, string?> { ["Tmdb__AttemptTimeout"] = "00:00:00.500" });
        tmdb.Script("movie/550", FakeTmdbReply.Slow(TimeSpan.FromSeconds(10)));
        var started = Stopwatch.StartNew();

        var details = await harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None);

        Assert.Equal("Fight Club", details.Title);
        Assert.Equal(2, tmdb.Requests.Count);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        // A handled timeout is a warning, not an error (Polly's own level for it).
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("OnTimeout", StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("before answering")]
    [InlineData("in the middle of its answer")]
    public async Task A_hanging_TMDB_is_given_up_on_within_the_total_timeout(string when)
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb, new Dictionary<string, string?>
        {
            ["Tmdb__AttemptTimeout"] = "00:00:00.400",
            ["Tmdb__TotalTimeout"] = "00:00:01",
            ["Tmdb__MaxRetries"] = "5",
        });
        var hang = TimeSpan.FromSeconds(30);
        tmdb.StartOutage(when == "before answering" ? FakeTmdbReply.Slow(hang) : FakeTmdbReply.StalledBody(hang));
        var started = Stopwatch.StartNew();

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.SearchAsync(MediaSearchType.All, "fight club", 1, CancellationToken.None));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(3), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task An_unreachable_TMDB_is_unavailable_within_seconds()
    {
        var tmdb = await FakeTmdbServer.StartAsync();
        await tmdb.DisposeAsync();
        await using var harness = TmdbClientHarness.Create(tmdb);
        var started = Stopwatch.StartNew();

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.SearchAsync(MediaSearchType.All, "fight club", 1, CancellationToken.None));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_calls_fail_without_reaching_TMDB()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb, new Dictionary<string, string?>
        {
            ["Tmdb__CircuitBreakerMinimumThroughput"] = "4",
            ["Tmdb__MaxRetries"] = "0",
        });
        tmdb.StartOutage(FakeTmdbReply.Status(500));
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<DependencyUnavailableException>(
                () => harness.Client.GetWatchProvidersAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None));
        }

        tmdb.EndOutage();
        var sent = tmdb.Requests.Count;
        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.GetWatchProvidersAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None));

        Assert.Equal(4, sent);
        Assert.Equal(sent, tmdb.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task Requests_are_paced_under_the_configured_rate_across_concurrent_callers()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = TmdbClientHarness.Create(tmdb, new Dictionary<string, string?> { ["Tmdb__RequestsPerSecond"] = "10" });
        var client = harness.Client;

        await Task.WhenAll(Enumerable.Range(0, 25).Select(
            _ => client.GetWatchProvidersAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None)));

        var times = tmdb.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(25, times.Count);
        var busiestSecond = times.Max(start => times.Count(t => t >= start && t < start + TimeSpan.FromSeconds(1)));
        Assert.True(busiestSecond <= 11, $"{busiestSecond} requests within one second");
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(2), $"25 requests spread over {times[^1] - times[0]}");
    }
}
