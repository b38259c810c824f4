using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class RequestPasswordResetFunction(HttpEndpoint endpoint, PasswordResetService passwordReset)
{
    [Function("RequestPasswordReset")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password-reset")] HttpRequest request) =>
        endpoint.RunAsync(request, "RequestPasswordReset", async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<PasswordResetRequest>(cancellationToken);
            return ApiResult.Accepted(await passwordReset.RequestAsync(body, request.Client(), cancellationToken));
        });
}
