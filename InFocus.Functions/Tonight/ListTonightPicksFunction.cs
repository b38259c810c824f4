using InFocus.Domain.Common;
using InFocus.Domain.Tonight;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Tonight;

public sealed class ListTonightPicksFunction(AuthenticatedEndpoint endpoint, TonightPickService picks)
{
    public const string Name = "ListTonightPicks";

    [Function(Name)]
    [Summary("List what the family picked, newest first")]
    [Returns(200, typeof(Page<TonightPickResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families/{id}/tonight/picks")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await picks.ListAsync(user, id, request.PageRequest(), cancellationToken)));
}
