using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class EndSessionFunction(AuthenticatedEndpoint endpoint, SessionService sessions)
{
    public const string Name = "EndSession";

    [Function(Name)]
    [Returns(204)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "auth/sessions/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await sessions.EndAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
