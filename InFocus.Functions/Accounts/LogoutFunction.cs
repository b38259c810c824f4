using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class LogoutFunction(AuthenticatedEndpoint endpoint, SessionService sessions)
{
    public const string Name = "Logout";

    [Function(Name)]
    [Returns(204)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await sessions.LogoutAsync(user, cancellationToken);
            return ApiResult.NoContent();
        });
}
