using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class CreateRecommendationFunction(AuthenticatedEndpoint endpoint, RecommendationService recommendations)
{
    public const string Name = "CreateRecommendation";

    [Function(Name)]
    [JsonBody(typeof(RecommendRequest))]
    [Returns(201, typeof(RecommendationResponse))]
    [Fails(404, 409, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "recommendations")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Created(await recommendations.CreateAsync(user, await request.ReadJsonAsync<RecommendRequest>(cancellationToken), cancellationToken)));
}
