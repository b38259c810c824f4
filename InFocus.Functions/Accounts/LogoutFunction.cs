using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class LogoutFunction(AuthenticatedEndpoint endpoint, SessionService sessions)
{
    [Function("Logout")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/logout")] HttpRequest request) =>
        endpoint.RunAsync(request, "Logout", async (user, cancellationToken) =>
        {
            await sessions.LogoutAsync(user, cancellationToken);
            return ApiResult.NoContent();
        });
}
