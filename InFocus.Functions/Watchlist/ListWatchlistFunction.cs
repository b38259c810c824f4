using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class ListWatchlistFunction(AuthenticatedEndpoint endpoint, WatchlistListing listing)
{
    [Function("ListWatchlist")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "watchlist")] HttpRequest request) =>
        endpoint.RunAsync(request, "ListWatchlist", async (user, cancellationToken) =>
        {
            var query = new WatchlistQuery(request.QueryValue("status"), request.QueryValue("sort"), request.QueryValue("order"));
            return ApiResult.Page(await listing.ListAsync(user, query, request.PageRequest(), cancellationToken));
        });
}
