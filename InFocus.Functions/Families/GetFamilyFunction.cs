using InFocus.Domain.Families;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class GetFamilyFunction(AuthenticatedEndpoint endpoint, FamilyService service)
{
    [Function("GetFamily")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "GetFamily", async (user, cancellationToken) =>
            ApiResult.Ok(await service.GetAsync(user, id, cancellationToken)));
}
