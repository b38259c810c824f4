using InFocus.Domain.Families;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class ListFamiliesFunction(AuthenticatedEndpoint endpoint, FamilyService service)
{
    [Function("ListFamilies")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families")] HttpRequest request) =>
        endpoint.RunAsync(request, "ListFamilies", async (user, cancellationToken) =>
            ApiResult.Page(await service.ListAsync(user, request.PageRequest(), cancellationToken)));
}
