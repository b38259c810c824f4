using InFocus.Domain.Media;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Media;

public sealed class GetMediaProvidersFunction(AuthenticatedEndpoint endpoint, MediaCatalog catalog)
{
    [Function("GetMediaProviders")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "media/{id}/providers")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "GetMediaProviders", async (_, cancellationToken) =>
            ApiResult.Page(await catalog.GetProvidersAsync(id, request.QueryValue("region"), request.PageRequest(), cancellationToken)));
}
