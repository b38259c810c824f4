using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Media;

public sealed class SearchMediaFunction(AuthenticatedEndpoint endpoint, MediaSearch search)
{
    public const string Name = "SearchMedia";

    [Function(Name)]
    [Query("query", MaxLength = FieldLimits.SearchQuery, Description = "What to search for; required.")]
    [Query("type", Description = "all (default), movie or tv.")]
    [Query("page", Description = "1-500, default 1.")]
    [Returns(200, typeof(MediaSearchResponse))]
    [Fails(503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "media/search")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (_, cancellationToken) =>
        {
            var query = new MediaSearchRequest(
                request.QueryValue("query", FieldLimits.SearchQuery), request.QueryValue("type"), request.QueryValue("page"));
            return ApiResult.Ok(await search.SearchAsync(query, cancellationToken));
        });
}
