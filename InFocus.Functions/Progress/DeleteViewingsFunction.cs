using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class DeleteViewingsFunction(AuthenticatedEndpoint endpoint, ProgressService progress)
{
    public const string Name = "DeleteViewings";

    [Function(Name)]
    [Summary("Unmark an episode, a season or the movie")]
    [Query("season", Description = "The season (required for a show, absent for a movie).")]
    [Query("episode", Description = "The episode; absent unmarks the whole season.")]
    [Returns(204)]
    [Fails(400)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "watchlist/{id}/viewings")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await progress.DeleteAsync(user, id, request.QueryValue("season"), request.QueryValue("episode"), cancellationToken);
            return ApiResult.NoContent();
        });
}
