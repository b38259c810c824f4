using InFocus.Domain.Availability;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Availability;

public sealed class ReplaceMyServicesFunction(AuthenticatedEndpoint endpoint, MyServicesService services)
{
    public const string Name = "ReplaceMyServices";

    [Function(Name)]
    [Summary("Set my region and streaming services")]
    [JsonBody(typeof(MyServicesRequest))]
    [Returns(200, typeof(MyServicesResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "me/services")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await services.ReplaceAsync(user, await request.ReadJsonAsync<MyServicesRequest>(cancellationToken), cancellationToken)));
}
