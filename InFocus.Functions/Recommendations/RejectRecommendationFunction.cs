using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class RejectRecommendationFunction(AuthenticatedEndpoint endpoint, RecommendationReplies replies)
{
    [Function("RejectRecommendation")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "recommendations/{id}/reject")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "RejectRecommendation", async (user, cancellationToken) =>
            ApiResult.Ok(await replies.RejectAsync(user, id, cancellationToken)));
}
