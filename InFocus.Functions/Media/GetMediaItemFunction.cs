using InFocus.Domain.Media;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Media;

public sealed class GetMediaItemFunction(AuthenticatedEndpoint endpoint, MediaCatalog catalog)
{
    [Function("GetMediaItem")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "media/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "GetMediaItem", async (_, cancellationToken) =>
            ApiResult.Ok(await catalog.GetAsync(id, request.QueryValue("region"), cancellationToken)));
}
