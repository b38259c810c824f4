using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class GetWatchlistStatsFunction(AuthenticatedEndpoint endpoint, WatchlistStatistics statistics)
{
    public const string Name = "GetWatchlistStats";

    [Function(Name)]
    [Returns(200, typeof(WatchlistStatsResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "watchlist/stats")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await statistics.GetAsync(user, cancellationToken)));
}
