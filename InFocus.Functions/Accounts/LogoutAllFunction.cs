using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class LogoutAllFunction(AuthenticatedEndpoint endpoint, SessionService sessions)
{
    public const string Name = "LogoutAll";

    [Function(Name)]
    [Returns(204)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout-all")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await sessions.LogoutAllAsync(user, cancellationToken);
            return ApiResult.NoContent();
        });
}
