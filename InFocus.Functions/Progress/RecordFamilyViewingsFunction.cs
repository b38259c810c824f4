using InFocus.Domain.Progress;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Progress;

public sealed class RecordFamilyViewingsFunction(AuthenticatedEndpoint endpoint, FamilyProgressService family)
{
    public const string Name = "RecordFamilyViewings";

    [Function(Name)]
    [Summary("Watched together: one viewing for several members of the family at once")]
    [JsonBody(typeof(FamilyViewingsRequest))]
    [Returns(200, typeof(FamilyProgressResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "families/{id}/viewings")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<FamilyViewingsRequest>(cancellationToken);
            return ApiResult.Ok(await family.RecordAsync(user, id, body, cancellationToken));
        });
}
