using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class ChangePasswordFunction(AuthenticatedEndpoint endpoint, PasswordChangeService passwords)
{
    [Function("ChangePassword")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "me/password")] HttpRequest request) =>
        endpoint.RunAsync(request, "ChangePassword", async (user, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<ChangePasswordRequest>(cancellationToken);
            await passwords.ChangeAsync(user, body, request.Client(), cancellationToken);
            return ApiResult.NoContent();
        });
}
