using InFocus.Domain.Families;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class GetFamilyFunction(AuthenticatedEndpoint endpoint, FamilyService service)
{
    public const string Name = "GetFamily";

    [Function(Name)]
    [Returns(200, typeof(FamilyDetails))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await service.GetAsync(user, id, cancellationToken)));
}
