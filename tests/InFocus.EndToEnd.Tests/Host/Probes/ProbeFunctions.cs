using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.EndToEnd.Tests.Host.Probes;

/// <summary>
/// Functions that exist only for the host's own tests. The app's metadata never lists them; the probe host serves a
/// copy of the metadata that does (<see cref="ProbeHostFixture"/>).
/// </summary>
public sealed class ProbeFunctions(ProbeLog log, HttpEndpoint api, HtmlPageEndpoint pages)
{
    public const string QueueSetting = "ProbeQueue";
    public const string RareScheduleSetting = "ProbeRareSchedule";

    /// <summary>A queue message with this prefix makes <see cref="QueueAsync"/> throw.</summary>
    public const string FailPrefix = "fail:";

    /// <summary>What <see cref="EndpointFailureAsync"/>'s exception says; no response may show it.</summary>
    public const string FailureSecret = "The probe failed on purpose (connection string: secret).";

    [Function("ProbeEcho")]
    public IActionResult Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "probe/echo/{word}")] HttpRequest request, string word)
    {
        using var call = log.Record("ProbeEcho", word);
        return ApiResult.Ok(new { word, method = request.Method });
    }

    [Function("ProbeFrameworkResult")]
    public IActionResult FrameworkResult(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/framework/{word}")] HttpRequest request, string word) =>
        new ObjectResult(new { word }) { StatusCode = StatusCodes.Status202Accepted };

    [Function("ProbeThrow")]
    public Task<IActionResult> ThrowAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/throw")] HttpRequest request) =>
        throw new InvalidOperationException("The probe failed on purpose (connection string: secret).");

    /// <summary>A body that fails unexpectedly inside the functions' call path: <c>json</c> through the API's, <c>html</c> through the pages'.</summary>
    [Function("ProbeEndpointFailure")]
    public Task<IActionResult> EndpointFailureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/endpoint-failure/{format}")] HttpRequest request, string format) =>
        format == "html"
            ? pages.RunAsync(request, "ProbeEndpointFailure", _ => throw new InvalidOperationException(FailureSecret))
            : api.RunAsync(request, "ProbeEndpointFailure", _ => throw new InvalidOperationException(FailureSecret));

    [Function("ProbeTimer")]
    public async Task TimerAsync([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using var call = log.Record("ProbeTimer", timer.ScheduleStatus?.Next.ToString("O"));
        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
    }

    [Function("ProbeStartupTimer")]
    public void StartupTimer([TimerTrigger("%" + RareScheduleSetting + "%", RunOnStartup = true)] TimerInfo timer)
    {
        using var call = log.Record("ProbeStartupTimer", null);
    }

    [Function("ProbeTick")]
    public void Tick([TimerTrigger("*/1 * * * * *")] TimerInfo timer)
    {
        using var call = log.Record("ProbeTick", null);
    }

    [Function("ProbeQueue")]
    public Task QueueAsync([QueueTrigger("%" + QueueSetting + "%")] string message, CancellationToken cancellationToken)
    {
        using var call = log.Record("ProbeQueue", message);
        return message.StartsWith(FailPrefix, StringComparison.Ordinal)
            ? throw new InvalidOperationException("The probe failed on purpose.")
            : Task.CompletedTask;
    }
}
