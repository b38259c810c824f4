using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Families;

public sealed class GetFamilyWatchlistFunction(AuthenticatedEndpoint endpoint, FamilyWatchlistService service)
{
    public const string Name = "GetFamilyWatchlist";

    [Function(Name)]
    [Query("status", Enum = typeof(WatchStatus))]
    [Returns(200, typeof(Page<FamilyWatchlistItem>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families/{id}/watchlist")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await service.ListAsync(user, id, request.QueryEnum<WatchStatus>("status"), request.PageRequest(), cancellationToken)));
}
