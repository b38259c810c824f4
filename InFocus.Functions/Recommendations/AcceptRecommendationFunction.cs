using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class AcceptRecommendationFunction(AuthenticatedEndpoint endpoint, RecommendationReplies replies)
{
    [Function("AcceptRecommendation")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "recommendations/{id}/accept")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "AcceptRecommendation", async (user, cancellationToken) =>
            ApiResult.Ok(await replies.AcceptAsync(user, id, cancellationToken)));
}
