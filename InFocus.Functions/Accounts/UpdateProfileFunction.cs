using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class UpdateProfileFunction(AuthenticatedEndpoint endpoint, ProfileService profiles)
{
    public const string Name = "UpdateProfile";

    [Function(Name)]
    [JsonBody(typeof(UpdateProfileRequest))]
    [Returns(200, typeof(MeResponse))]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "me/profile")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<UpdateProfileRequest>(cancellationToken);
            return ApiResult.Ok(await profiles.UpdateProfileAsync(user, body, cancellationToken));
        });
}
