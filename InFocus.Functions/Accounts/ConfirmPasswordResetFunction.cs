using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class ConfirmPasswordResetFunction(HttpEndpoint endpoint, PasswordResetService passwordReset)
{
    public const string Name = "ConfirmPasswordReset";

    [Function(Name)]
    [JsonBody(typeof(PasswordResetConfirmRequest))]
    [Returns(204)]
    [Fails(404, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password-reset/confirm")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<PasswordResetConfirmRequest>(cancellationToken);
            await passwordReset.ConfirmAsync(body, cancellationToken);
            return ApiResult.NoContent();
        });
}
