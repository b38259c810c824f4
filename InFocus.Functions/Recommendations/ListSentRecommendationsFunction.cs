using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class ListSentRecommendationsFunction(AuthenticatedEndpoint endpoint, RecommendationListing listing)
{
    [Function("ListSentRecommendations")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recommendations/sent")] HttpRequest request) =>
        endpoint.RunAsync(request, "ListSentRecommendations", async (user, cancellationToken) =>
            ApiResult.Page(await listing.SentAsync(user, request.QueryValue("status"), request.PageRequest(), cancellationToken)));
}
