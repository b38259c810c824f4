using InFocus.Domain.Maintenance;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Health;

public sealed class HealthFunction(HttpEndpoint endpoint, HealthProbe probe)
{
    public const string Name = "Health";

    [Function(Name)]
    [Returns(200, typeof(HealthResponse))]
    [Returns(503, typeof(HealthResponse), Description = "The database or the queue is unavailable")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var report = await probe.CheckAsync(cancellationToken);
            var body = new HealthResponse(State(report.Healthy), new HealthChecks(State(report.DatabaseHealthy), State(report.QueueHealthy)));
            return new ApiResult(report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
        });

    private static HealthState State(bool healthy) => healthy ? HealthState.Healthy : HealthState.Unhealthy;
}

public enum HealthState
{
    Healthy,
    Unhealthy,
}

/// <summary>The health report: the app's state and each dependency's.</summary>
public sealed record HealthResponse(HealthState Status, HealthChecks Checks);

public sealed record HealthChecks(HealthState Database, HealthState Queue);
