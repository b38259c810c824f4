using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class UpdateMeFunction(AuthenticatedEndpoint endpoint, ProfileService profiles)
{
    public const string Name = "UpdateMe";

    [Function(Name)]
    [JsonBody(typeof(UpdateMeRequest))]
    [Returns(200, typeof(MeResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "me")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<UpdateMeRequest>(cancellationToken);
            return ApiResult.Ok(await profiles.UpdateNameAsync(user, body, cancellationToken));
        });
}
