using System.Net;
using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>The host with host.json's own log levels (information by default), every log entry captured.</summary>
public sealed class RequestLogHostFixture : DevHostFixture
{
    public CapturingLoggerProvider Logs { get; } = new();

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings.Remove("AzureFunctionsJobHost__logging__logLevel__default");
        return settings;
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<ILoggerProvider>(Logs);
    }
}

/// <summary>
/// One log line per request (function, status, duration) at the levels the app ships with; expected failures (a 409
/// from a unique violation, a 404, a 412) never at error level and never with a stack trace.
/// </summary>
public sealed class RequestLogTests(RequestLogHostFixture host) : IClassFixture<RequestLogHostFixture>
{
    [Fact]
    public async Task A_request_writes_one_line_naming_the_function_its_status_and_duration()
    {
        using var user = await host.SignUpAsync();
        var before = host.Logs.Entries.Count;

        using var response = await user.Client.GetAsync("api/watchlist");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = RequestLinesSince(before);
        Assert.True(lines.Count == 1, string.Join(Environment.NewLine, lines));
        Assert.Matches(@"^Information InFocus\.Functions\.Http\.HttpEndpoint: ListWatchlist answered 200 in \d+\.\d ms", lines[0]);
    }

    [Fact]
    public async Task Conflicts_from_a_unique_violation_not_found_and_precondition_failed_write_no_error_and_no_stack_trace()
    {
        using var user = await host.SignUpAsync();
        var title = await host.SeedTitleAsync();
        var before = host.Logs.Entries.Count;

        // Eight adds of one title at once: the ones that pass the service's check together meet the unique index.
        var adds = await Concurrently.SendAsync(8, _ => user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = title.Id }));
        var entryId = await host.DbAsync(db => db.WatchlistEntries.Where(e => e.UserId == user.Id).Select(e => e.Id).SingleAsync());
        using var stale = await user.Client.PatchJsonAsync($"api/watchlist/{entryId}", """{ "rating": 2 }""", "\"1\"");
        using var missing = await user.Client.GetAsync($"api/watchlist/{Cuid.NewId()}");

        adds.AssertCounts((HttpStatusCode.Created, 1), (HttpStatusCode.Conflict, 7));
        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound), (stale.StatusCode, missing.StatusCode));
        var lines = RequestLinesSince(before);
        Assert.True(
            lines.Count == 10 && lines.All(l => l.StartsWith("Information InFocus.Functions.Http.HttpEndpoint: ", StringComparison.Ordinal)),
            string.Join(Environment.NewLine, lines));
        Assert.Equal(7, lines.Count(l => l.Contains("AddWatchlistEntry answered 409", StringComparison.Ordinal)));
    }

    /// <summary>The entries written since <paramref name="before"/> inside HTTP requests (not by timers).</summary>
    private List<string> RequestLinesSince(int before) =>
        host.Logs.Entries.Skip(before).Where(l => l.Contains("scope: ConnectionId=", StringComparison.Ordinal)).ToList();
}
