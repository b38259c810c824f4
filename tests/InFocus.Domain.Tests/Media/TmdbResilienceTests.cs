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
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);
        tmdb.Script("movie/550", FakeTmdbReply.Status(500), FakeTmdbReply.Status(503));

        var details = await harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None);

        Assert.Equal("Fight Club", details.Title);
        Assert.Equal(3, tmdb.RequestsTo("movie/550").Count);
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_make_TMDB_unavailable()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?> { ["Tmdb__MaxRetries"] = "2" });
        tmdb.StartOutage(FakeTmdbReply.Status(500));

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.SearchAsync(MediaSearchType.All, "fight club", 1, CancellationToken.None));

        Assert.Equal(3, tmdb.Requests.Count);
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);
        tmdb.Script("tv/1396/watch/providers", FakeTmdbReply.Dropped());

        var providers = await harness.Client.GetWatchProvidersAsync(MediaType.Tv, TmdbFixtures.BreakingBad, CancellationToken.None);

        Assert.Equal(["GB", "US"], providers.Results!.Keys.Order());
        Assert.Equal(2, tmdb.Requests.Count);
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_the_delay_TMDB_asks_for()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);
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
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);
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
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?> { ["Tmdb__AttemptTimeout"] = "00:00:00.500" });
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
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?>
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
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);
        var started = Stopwatch.StartNew();

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.SearchAsync(MediaSearchType.All, "fight club", 1, CancellationToken.None));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_calls_fail_without_reaching_TMDB()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?>
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

    /// <summary>
    /// Deterministic under any CPU load: a request may reach TMDB late (a busy machine delays it after its slot), never
    /// early. Every request waits for its slot, slots are 1/rate apart and the first is no earlier than the start, so
    /// the k-th request to arrive arrives at least k/rate after the start: only a limiter that lets a request through
    /// before its time can fail this, however slow the machine.
    /// </summary>
    [Fact]
    public async Task Requests_are_paced_under_the_configured_rate_across_concurrent_callers()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, Rate(10));
        var started = tmdb.Now;

        await Task.WhenAll(Enumerable.Range(0, 25).Select(
            _ => harness.Client.GetWatchProvidersAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None)));

        AssertPaced(tmdb, started, expected: 25, perSecond: 10);
    }

    [Fact]
    public async Task The_rate_holds_for_the_whole_app_across_instances()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var first = await TmdbClientHarness.CreateAsync(tmdb, Rate(10));
        await using var second = await TmdbClientHarness.CreateAsync(tmdb, Rate(10), sharedDatabase: first.Database);
        var started = tmdb.Now;

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => (i % 2 == 0 ? first : second).Client
            .GetWatchProvidersAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None)));

        AssertPaced(tmdb, started, expected: 24, perSecond: 10);
    }

    [Fact]
    public async Task A_request_whose_turn_would_outlast_the_call_is_refused_at_once()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?>
        {
            ["Tmdb__RequestsPerSecond"] = "1",
            ["Tmdb__AttemptTimeout"] = "00:00:00.500",
            ["Tmdb__TotalTimeout"] = "00:00:01.500",
            ["Tmdb__MaxRetries"] = "0",
        });

        // Slots at 0 s and 1 s leave an attempt's time within the total timeout; one at 2 s would not.
        var calls = Enumerable.Range(0, 3)
            .Select(_ => harness.Client.GetWatchProvidersAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None))
            .ToList();
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                await call;
                return (TimeSpan?)null;
            }
            catch (DependencyUnavailableException e)
            {
                return e.RetryAfter;
            }
        }));

        var refused = Assert.Single(outcomes, o => o is not null);
        Assert.True(refused >= TimeSpan.FromSeconds(1), $"Retry-After {refused}");
        Assert.Equal(2, tmdb.Requests.Count);
    }

    private static Dictionary<string, string?> Rate(int perSecond) => new() { ["Tmdb__RequestsPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static void AssertPaced(FakeTmdbServer tmdb, TimeSpan started, int expected, int perSecond)
    {
        var arrivals = tmdb.Requests.Select(r => r.ReceivedAt - started).Order().ToList();
        Assert.Equal(expected, arrivals.Count);
        // The fake server's monotonic clock and PostgreSQL's wall clock may disagree by a tick; a millisecond covers it.
        var tolerance = TimeSpan.FromMilliseconds(1);
        for (var k = 0; k < arrivals.Count; k++)
        {
            var earliest = TimeSpan.FromSeconds((double)k / perSecond);
            Assert.True(arrivals[k] + tolerance >= earliest, $"request {k + 1} arrived {arrivals[k].TotalMilliseconds:F1} ms after the start, before its slot at {earliest.TotalMilliseconds} ms");
        }
    }
}
