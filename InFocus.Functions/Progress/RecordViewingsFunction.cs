using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class RecordViewingsFunction(AuthenticatedEndpoint endpoint, ProgressService progress)
{
    public const string Name = "RecordViewings";

    [Function(Name)]
    [Summary("Mark watched: an episode, a list, a season, everything up to an episode, or the movie")]
    [JsonBody(typeof(RecordViewingsRequest))]
    [Returns(200, typeof(ProgressResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "watchlist/{id}/viewings")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<RecordViewingsRequest>(cancellationToken);
            return ApiResult.Ok(await progress.RecordAsync(user, id, body, cancellationToken));
        });
}
