using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class GetMeFunction(AuthenticatedEndpoint endpoint, ProfileService profiles)
{
    [Function("GetMe")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request) =>
        endpoint.RunAsync(request, "GetMe", async (user, cancellationToken) =>
            ApiResult.Ok(await profiles.GetAsync(user, cancellationToken)));
}
