using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class GetWatchlistEntryFunction(AuthenticatedEndpoint endpoint, WatchlistService watchlist)
{
    public const string Name = "GetWatchlistEntry";

    [Function(Name)]
    [Returns(200, typeof(WatchlistEntryResponse), ETag = true)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "watchlist/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var entry = await watchlist.GetAsync(user, id, cancellationToken);
            return ApiResult.Ok(entry).WithETag(entry.ETag);
        });
}
