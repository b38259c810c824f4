using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class RefreshFunction(HttpEndpoint endpoint, TokenRefreshService refresh)
{
    public const string Name = "Refresh";

    [Function(Name)]
    [JsonBody(typeof(RefreshRequest))]
    [Returns(200, typeof(TokenPair))]
    [Fails(401)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/refresh")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<RefreshRequest>(cancellationToken);
            return ApiResult.Ok(await refresh.RefreshAsync(body, request.Client(), cancellationToken));
        });
}
