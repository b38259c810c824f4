using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class GetProgressFunction(AuthenticatedEndpoint endpoint, ProgressService progress)
{
    public const string Name = "GetProgress";

    [Function(Name)]
    [Summary("Progress through a title on my watchlist")]
    [Returns(200, typeof(ProgressResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "watchlist/{id}/progress")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await progress.GetAsync(user, id, cancellationToken)));
}
