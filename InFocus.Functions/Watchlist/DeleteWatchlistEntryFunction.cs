using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class DeleteWatchlistEntryFunction(AuthenticatedEndpoint endpoint, WatchlistService watchlist)
{
    [Function("DeleteWatchlistEntry")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "watchlist/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "DeleteWatchlistEntry", async (user, cancellationToken) =>
        {
            await watchlist.DeleteAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
