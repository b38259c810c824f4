using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class EndSessionFunction(AuthenticatedEndpoint endpoint, SessionService sessions)
{
    [Function("EndSession")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "auth/sessions/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "EndSession", async (user, cancellationToken) =>
        {
            await sessions.EndAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
