using InFocus.Domain.Common;
using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class GetUpNextFunction(AuthenticatedEndpoint endpoint, UpNextService upNext)
{
    public const string Name = "GetUpNext";

    [Function(Name)]
    [Summary("Shows in progress with their next aired episode, most recently watched first")]
    [Returns(200, typeof(Page<UpNextItem>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/up-next")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await upNext.ListAsync(user, request.PageRequest(), cancellationToken)));
}
