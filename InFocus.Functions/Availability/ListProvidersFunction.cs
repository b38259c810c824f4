using InFocus.Domain.Availability;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Availability;

public sealed class ListProvidersFunction(AuthenticatedEndpoint endpoint, ProviderDirectory directory)
{
    public const string Name = "ListProviders";

    [Function(Name)]
    [Summary("List the streaming providers of a region")]
    [Query("region", MaxLength = FieldLimits.Region, Description = "Required: an ISO 3166-1 alpha-2 country code.")]
    [Query("type", Enum = typeof(MediaType), Description = "Only providers TMDB lists for movies, or for shows; both by default.")]
    [Returns(200, typeof(Page<WatchProviderResponse>))]
    [Fails(429, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "providers")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var query = new ProvidersQuery(request.QueryValue("region"), request.QueryValue("type"));
            return ApiResult.Page(await directory.ListAsync(user, query, request.PageRequest(), cancellationToken));
        });
}
