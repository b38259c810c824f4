using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class GetWatchlistStatsFunction(AuthenticatedEndpoint endpoint, WatchlistStatistics statistics)
{
    [Function("GetWatchlistStats")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "watchlist/stats")] HttpRequest request) =>
        endpoint.RunAsync(request, "GetWatchlistStats", async (user, cancellationToken) =>
            ApiResult.Ok(await statistics.GetAsync(user, cancellationToken)));
}
