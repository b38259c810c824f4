using InFocus.Domain.Common;
using InFocus.Domain.Recommendations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Recommendations;

public sealed class ListSentRecommendationsFunction(AuthenticatedEndpoint endpoint, RecommendationListing listing)
{
    public const string Name = "ListSentRecommendations";

    [Function(Name)]
    [Query("status", Enum = typeof(RecommendationStatus))]
    [Returns(200, typeof(Page<RecommendationResponse>))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "recommendations/sent")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Page(await listing.SentAsync(user, request.QueryValue("status"), request.PageRequest(), cancellationToken)));
}
