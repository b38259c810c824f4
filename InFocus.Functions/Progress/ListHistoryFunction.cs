using InFocus.Domain.Common;
using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class ListHistoryFunction(AuthenticatedEndpoint endpoint, HistoryService history)
{
    public const string Name = "ListHistory";

    [Function(Name)]
    [Summary("My dated viewings of movies and episodes, newest first")]
    [Query("from", Description = "ISO-8601 date or time (UTC), inclusive.")]
    [Query("to", Description = "ISO-8601 date or time (UTC), exclusive.")]
    [Query("type", Enum = typeof(HistoryType))]
    [Returns(200, typeof(Page<HistoryItem>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/history")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var query = new HistoryQuery(request.QueryValue("from"), request.QueryValue("to"), request.QueryValue("type"));
            return ApiResult.Page(await history.ListAsync(user, query, request.PageRequest(), cancellationToken));
        });
}
