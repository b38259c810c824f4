using System.Diagnostics;
using System.Net;
using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Health;

/// <summary>
/// PostgreSQL stopped under a running app (its own server, see <see cref="OwnPostgresHostFixture"/>): requests answer
/// 503 problem+json with Retry-After at once (no 500, no hang), and within 5 s of its return every request answers
/// again, the pooled connections the outage broke included.
/// </summary>
public sealed class DatabaseOutageTests(OwnPostgresHostFixture host) : IClassFixture<OwnPostgresHostFixture>
{
    private const int Connections = 8;

    [Fact]
    public async Task Requests_answer_503_with_retry_after_while_PostgreSQL_is_down_and_succeed_within_5_s_of_its_return()
    {
        using var user = await host.SignUpAsync();
        var title = await host.SeedTitleAsync();
        // Fill the connection pool, so that the outage leaves broken connections in it.
        (await Concurrently.SendAsync(Connections, _ => user.Client.GetAsync("api/watchlist"))).AssertCounts((OK, Connections));

        await host.Postgres.StopAsync();
        var outage = Stopwatch.StartNew();
        var down = await Concurrently.SendAsync(
            () => user.Client.GetAsync("api/watchlist"),
            () => user.Client.GetAsync("api/me"),
            () => user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = title.Id }),
            () => user.Client.PostJsonAsync("api/families", new { name = "Outage" }),
            () => host.Client.GetAsync($"api/invitations/{SecureToken.Generate()}"));
        using var health = await host.Client.GetAsync("api/health");

        Assert.True(outage.Elapsed < TimeSpan.FromSeconds(15), $"answering during the outage took {outage.Elapsed}");
        down.AssertCounts((ServiceUnavailable, 5));
        Assert.Equal(ServiceUnavailable, health.StatusCode);
        foreach (var path in new[] { "api/watchlist", "api/me" })
        {
            using var response = await user.Client.GetAsync(path);
            var problem = await response.ProblemAsync(503);
            Assert.Equal("The database is temporarily unavailable.", problem.GetProperty("detail").GetString());
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
        }

        await host.Postgres.StartAsync();
        var back = Stopwatch.StartNew();
        await Eventually.TrueAsync(async () => (await user.Client.GetAsync("api/watchlist")).StatusCode == OK, "reads answer again");
        var reads = await Concurrently.SendAsync(Connections, _ => user.Client.GetAsync("api/watchlist"));
        using var write = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = title.Id });
        using var healthy = await host.Client.GetAsync("api/health");

        Assert.True(back.Elapsed < TimeSpan.FromSeconds(5), $"answering again took {back.Elapsed}");
        reads.AssertCounts((OK, Connections));
        Assert.Equal((Created, OK), (write.StatusCode, healthy.StatusCode));
    }

    [Fact]
    public async Task Reads_on_connections_a_restart_broke_are_retried_and_succeed()
    {
        using var user = await host.SignUpAsync();
        (await Concurrently.SendAsync(Connections, _ => user.Client.GetAsync("api/watchlist"))).AssertCounts((OK, Connections));

        // A restart nobody noticed: every pooled connection is now broken.
        await host.Postgres.StopAsync();
        await host.Postgres.StartAsync();
        var reads = await Concurrently.SendAsync(Connections, i => user.Client.GetAsync(i % 2 == 0 ? "api/watchlist" : "api/me"));

        reads.AssertCounts((OK, Connections));
    }

    [Fact]
    public async Task Writes_after_a_restart_succeed_their_session_check_retried_on_a_fresh_connection()
    {
        using var user = await host.SignUpAsync();
        (await Concurrently.SendAsync(Connections, _ => user.Client.GetAsync("api/watchlist"))).AssertCounts((OK, Connections));

        await host.Postgres.StopAsync();
        await host.Postgres.StartAsync();
        var writes = await Concurrently.SendAsync(Connections, i => user.Client.PostJsonAsync("api/families", new { name = $"Family {i}" }));

        writes.AssertCounts((Created, Connections));
        Assert.Equal(Connections, await host.DbAsync(db => db.FamilyMemberships.CountAsync(m => m.UserId == user.Id)));
    }
}
