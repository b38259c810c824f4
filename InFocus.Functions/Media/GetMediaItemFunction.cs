using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Media;

public sealed class GetMediaItemFunction(AuthenticatedEndpoint endpoint, MediaCatalog catalog)
{
    public const string Name = "GetMediaItem";

    [Function(Name)]
    [Query("region", MaxLength = FieldLimits.Region, Description = "An ISO 3166-1 country code: only the providers offering the title there.")]
    [Returns(200, typeof(MediaItemResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "media/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (_, cancellationToken) =>
            ApiResult.Ok(await catalog.GetAsync(id, request.QueryValue("region"), cancellationToken)));
}
