using InFocus.Domain.Common;
using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class ListWatchlistFunction(AuthenticatedEndpoint endpoint, WatchlistListing listing)
{
    public const string Name = "ListWatchlist";

    [Function(Name)]
    [Query("status", Enum = typeof(WatchStatus))]
    [Query("sort", Description = "added (default), updated, title or rating.")]
    [Query("order", Description = "asc or desc; the default depends on sort.")]
    [Returns(200, typeof(Page<WatchlistEntryResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "watchlist")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var query = new WatchlistQuery(request.QueryValue("status"), request.QueryValue("sort"), request.QueryValue("order"));
            return ApiResult.Page(await listing.ListAsync(user, query, request.PageRequest(), cancellationToken));
        });
}
