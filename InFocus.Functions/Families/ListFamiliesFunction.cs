using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class ListFamiliesFunction(AuthenticatedEndpoint endpoint, FamilyService service)
{
    public const string Name = "ListFamilies";

    [Function(Name)]
    [Returns(200, typeof(Page<FamilySummary>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await service.ListAsync(user, request.PageRequest(), cancellationToken)));
}
