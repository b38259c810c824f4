using InFocus.Domain.Maintenance;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Health;

public sealed class HealthFunction(HttpEndpoint endpoint, HealthProbe probe)
{
    [Function("Health")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        endpoint.RunAsync(request, "Health", async cancellationToken =>
        {
            var report = await probe.CheckAsync(cancellationToken);
            var body = new
            {
                Status = State(report.Healthy),
                Checks = new { Database = State(report.DatabaseHealthy), Queue = State(report.QueueHealthy) },
            };
            return new ApiResult(report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
        });

    private static string State(bool healthy) => healthy ? "healthy" : "unhealthy";
}
