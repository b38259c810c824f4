using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class ListReceivedRecommendationsFunction(AuthenticatedEndpoint endpoint, RecommendationListing listing)
{
    [Function("ListReceivedRecommendations")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recommendations/received")] HttpRequest request) =>
        endpoint.RunAsync(request, "ListReceivedRecommendations", async (user, cancellationToken) =>
            ApiResult.Page(await listing.ReceivedAsync(user, request.QueryValue("status"), request.PageRequest(), cancellationToken)));
}
