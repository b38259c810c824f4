using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Media;

public sealed class SearchMediaFunction(AuthenticatedEndpoint endpoint, MediaSearch search)
{
    [Function("SearchMedia")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "media/search")] HttpRequest request) =>
        endpoint.RunAsync(request, "SearchMedia", async (_, cancellationToken) =>
        {
            var query = new MediaSearchRequest(
                request.QueryValue("query", FieldLimits.SearchQuery), request.QueryValue("type"), request.QueryValue("page"));
            return ApiResult.Ok(await search.SearchAsync(query, cancellationToken));
        });
}
