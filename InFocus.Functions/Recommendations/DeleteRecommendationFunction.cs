using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class DeleteRecommendationFunction(AuthenticatedEndpoint endpoint, RecommendationService recommendations)
{
    [Function("DeleteRecommendation")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "recommendations/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, "DeleteRecommendation", async (user, cancellationToken) =>
        {
            await recommendations.DeleteAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
