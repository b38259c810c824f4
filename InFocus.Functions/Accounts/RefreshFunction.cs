using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class RefreshFunction(HttpEndpoint endpoint, TokenRefreshService refresh)
{
    [Function("Refresh")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/refresh")] HttpRequest request) =>
        endpoint.RunAsync(request, "Refresh", async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<RefreshRequest>(cancellationToken);
            return ApiResult.Ok(await refresh.RefreshAsync(body, request.Client(), cancellationToken));
        });
}
