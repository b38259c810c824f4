using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class RejectRecommendationFunction(AuthenticatedEndpoint endpoint, RecommendationReplies replies)
{
    public const string Name = "RejectRecommendation";

    [Function(Name)]
    [Returns(200, typeof(RecommendationResponse))]
    [Fails(409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "recommendations/{id}/reject")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await replies.RejectAsync(user, id, cancellationToken)));
}
