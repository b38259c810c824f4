using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class GetFamilyProgressFunction(AuthenticatedEndpoint endpoint, FamilyProgressService family)
{
    public const string Name = "GetFamilyProgress";

    [Function(Name)]
    [Summary("Each member's next episode of a title and the family's common next episode")]
    [Returns(200, typeof(FamilyProgressResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families/{id}/progress/{mediaItemId}")] HttpRequest request,
        string id,
        string mediaItemId) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await family.GetAsync(user, id, mediaItemId, cancellationToken)));
}
