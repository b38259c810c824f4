using InFocus.Domain.Watchlist;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Watchlist;

public sealed class AddWatchlistEntryFunction(AuthenticatedEndpoint endpoint, WatchlistService watchlist)
{
    public const string Name = "AddWatchlistEntry";

    [Function(Name)]
    [JsonBody(typeof(AddWatchlistEntryRequest))]
    [Returns(201, typeof(WatchlistEntryResponse), ETag = true, Location = true)]
    [Fails(404, 409, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "watchlist")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var entry = await watchlist.AddAsync(user, await request.ReadJsonAsync<AddWatchlistEntryRequest>(cancellationToken), cancellationToken);
            return ApiResult.Created(entry, $"/api/watchlist/{entry.Id}").WithETag(entry.ETag);
        });
}
