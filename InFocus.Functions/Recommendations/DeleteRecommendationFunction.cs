using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class DeleteRecommendationFunction(AuthenticatedEndpoint endpoint, RecommendationService recommendations)
{
    public const string Name = "DeleteRecommendation";

    [Function(Name)]
    [Returns(204)]
    [Fails(409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "recommendations/{id}")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            await recommendations.DeleteAsync(user, id, cancellationToken);
            return ApiResult.NoContent();
        });
}
