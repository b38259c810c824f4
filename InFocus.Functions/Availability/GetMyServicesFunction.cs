using InFocus.Domain.Availability;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Availability;

public sealed class GetMyServicesFunction(AuthenticatedEndpoint endpoint, MyServicesService services)
{
    public const string Name = "GetMyServices";

    [Function(Name)]
    [Summary("Get my region and streaming services")]
    [Returns(200, typeof(MyServicesResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me/services")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await services.GetAsync(user, cancellationToken)));
}
