using InFocus.Domain.Families;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class DeleteFamilyFunction(AuthenticatedEndpoint endpoint, FamilyService service)
{
    public const string Name = "DeleteFamily";

    [Function(Name)]
    [Returns(204)]
    [Fails(403)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "families/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await service.DeleteAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
