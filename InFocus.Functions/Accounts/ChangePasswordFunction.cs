using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class ChangePasswordFunction(AuthenticatedEndpoint endpoint, PasswordChangeService passwords)
{
    public const string Name = "ChangePassword";

    [Function(Name)]
    [JsonBody(typeof(ChangePasswordRequest))]
    [Returns(204)]
    [Fails(429, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/password")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<ChangePasswordRequest>(cancellationToken);
            await passwords.ChangeAsync(user, body, request.Client(), cancellationToken);
            return ApiResult.NoContent();
        });
}
