using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Media;

public sealed class GetMediaProvidersFunction(AuthenticatedEndpoint endpoint, MediaCatalog catalog)
{
    public const string Name = "GetMediaProviders";

    [Function(Name)]
    [Query("region", MaxLength = FieldLimits.Region, Description = "An ISO 3166-1 country code: only the providers offering the title there.")]
    [Returns(200, typeof(Page<StreamingProviderResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "media/{id}/providers")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (_, cancellationToken) =>
            ApiResult.Page(await catalog.GetProvidersAsync(id, request.QueryValue("region"), request.PageRequest(), cancellationToken)));
}
