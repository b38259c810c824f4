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
    [Query("available", Enum = typeof(AvailabilityFilter), Description = "Only titles available in my region (PUT /api/me/services): on one of my services (mine) or on any (any); each entry then lists availableOn.")]
    [Query("offer", Description = "With available: comma-separated offer types among subscription, free, ads, rent and buy; subscription,free,ads by default.")]
    [Returns(200, typeof(Page<WatchlistEntryResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "watchlist")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var query = new WatchlistQuery(
                request.QueryValue("status"), request.QueryValue("sort"), request.QueryValue("order"), request.QueryValue("available"), request.QueryValue("offer"));
            return ApiResult.Page(await listing.ListAsync(user, query, request.PageRequest(), cancellationToken));
        });
}
