using InFocus.Domain.Families;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class DeleteFamilyFunction(AuthenticatedEndpoint endpoint, FamilyService service)
{
    [Function("DeleteFamily")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "families/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "DeleteFamily", async (user, cancellationToken) =>
        {
            await service.DeleteAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
