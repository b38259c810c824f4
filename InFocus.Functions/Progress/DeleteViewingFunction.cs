using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class DeleteViewingFunction(AuthenticatedEndpoint endpoint, ProgressService progress)
{
    public const string Name = "DeleteViewing";

    [Function(Name)]
    [Summary("Remove one viewing")]
    [Returns(204)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "watchlist/{id}/viewings/{viewingId}")] HttpRequest request,
        string id,
        string viewingId) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await progress.DeleteAsync(user, id, viewingId, cancellationToken);
            return ApiResult.NoContent();
        });
}
