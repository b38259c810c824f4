using InFocus.Domain.Media;
using InFocus.Domain.Tonight;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Tonight;

public sealed class GetTonightFunction(AuthenticatedEndpoint endpoint, TonightService tonight)
{
    public const string Name = "GetTonight";

    [Function(Name)]
    [Summary("What the family can watch together tonight")]
    [Query("members", MaxLength = 2_000, Description = "Comma-separated user ids of the members present; all members by default.")]
    [Query("type", Enum = typeof(MediaType))]
    [Query("maxRuntime", Description = "Longest runtime in minutes (a show's typical episode); titles of unknown runtime stay, after the others.")]
    [Query("offer", Description = "Comma-separated offer types among subscription, free, ads, rent and buy; subscription,free,ads by default.")]
    [Query("limit", Description = "How many suggestions, 1 to 50; 20 by default.")]
    [Returns(200, typeof(TonightResponse))]
    [Fails(409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "families/{id}/tonight")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var query = new TonightQuery(
                request.QueryValue("members", 2_000), request.QueryValue("type"), request.QueryValue("maxRuntime"), request.QueryValue("offer"), request.QueryValue("limit"));
            return ApiResult.Ok(await tonight.GetAsync(user, id, query, cancellationToken));
        });
}
