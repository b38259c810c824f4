using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class AddWatchlistEntryFunction(AuthenticatedEndpoint endpoint, WatchlistService watchlist)
{
    [Function("AddWatchlistEntry")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "watchlist")] HttpRequest request) =>
        endpoint.RunAsync(request, "AddWatchlistEntry", async (user, cancellationToken) =>
        {
            var entry = await watchlist.AddAsync(user, await request.ReadJsonAsync<AddWatchlistEntryRequest>(cancellationToken), cancellationToken);
            return ApiResult.Created(entry, $"/api/watchlist/{entry.Id}").WithETag(entry.ETag);
        });
}
