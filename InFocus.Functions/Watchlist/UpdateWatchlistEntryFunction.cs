using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class UpdateWatchlistEntryFunction(AuthenticatedEndpoint endpoint, WatchlistService watchlist)
{
    public const string Name = "UpdateWatchlistEntry";

    [Function(Name)]
    [IfMatch]
    [JsonBody(typeof(UpdateWatchlistEntryRequest))]
    [Returns(200, typeof(WatchlistEntryResponse), ETag = true)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "watchlist/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var precondition = request.IfMatch();
            var changes = await request.ReadJsonAsync<UpdateWatchlistEntryRequest>(cancellationToken);
            var entry = await watchlist.UpdateAsync(user, id, changes, precondition, cancellationToken);
            return ApiResult.Ok(entry).WithETag(entry.ETag);
        });
}
