using InFocus.Domain.Families;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class UpdateFamilyFunction(AuthenticatedEndpoint endpoint, FamilyService service)
{
    public const string Name = "UpdateFamily";

    [Function(Name)]
    [JsonBody(typeof(UpdateFamilyRequest))]
    [Returns(200, typeof(FamilyDetails))]
    [Fails(403)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "families/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await service.UpdateAsync(user, id, await request.ReadJsonAsync<UpdateFamilyRequest>(cancellationToken), cancellationToken)));
}
