using InFocus.Domain.Tonight;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Tonight;

public sealed class PickTonightFunction(AuthenticatedEndpoint endpoint, TonightPickService picks)
{
    public const string Name = "PickTonight";

    [Function(Name)]
    [Summary("Record what the family watches tonight")]
    [JsonBody(typeof(TonightPickRequest))]
    [Returns(201, typeof(TonightPickResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "families/{id}/tonight/picks")] HttpRequest request, string id) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Created(await picks.PickAsync(user, id, await request.ReadJsonAsync<TonightPickRequest>(cancellationToken), cancellationToken)));
}
