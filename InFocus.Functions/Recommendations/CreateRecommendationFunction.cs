using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class CreateRecommendationFunction(AuthenticatedEndpoint endpoint, RecommendationService recommendations)
{
    [Function("CreateRecommendation")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "recommendations")] HttpRequest request) =>
        endpoint.RunAsync(request, "CreateRecommendation", async (user, cancellationToken) =>
            ApiResult.Created(await recommendations.CreateAsync(user, await request.ReadJsonAsync<RecommendRequest>(cancellationToken), cancellationToken)));
}
