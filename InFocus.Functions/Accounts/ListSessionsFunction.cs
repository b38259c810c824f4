using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class ListSessionsFunction(AuthenticatedEndpoint endpoint, SessionService sessions)
{
    [Function("ListSessions")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/sessions")] HttpRequest request) =>
        endpoint.RunAsync(request, "ListSessions", async (user, cancellationToken) =>
            ApiResult.Page(await sessions.ListAsync(user, request.PageRequest(), cancellationToken)));
}
