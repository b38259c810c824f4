using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class DeleteWatchlistEntryFunction(AuthenticatedEndpoint endpoint, WatchlistService watchlist)
{
    public const string Name = "DeleteWatchlistEntry";

    [Function(Name)]
    [Returns(204)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "watchlist/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await watchlist.DeleteAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
