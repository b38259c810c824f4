using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class ListSessionsFunction(AuthenticatedEndpoint endpoint, SessionService sessions)
{
    public const string Name = "ListSessions";

    [Function(Name)]
    [Returns(200, typeof(Page<SessionResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/sessions")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await sessions.ListAsync(user, request.PageRequest(), cancellationToken)));
}
