using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class VerifyEmailFunction(HttpEndpoint endpoint, EmailVerificationService verification)
{
    [Function("VerifyEmail")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/verify-email")] HttpRequest request) =>
        endpoint.RunAsync(request, "VerifyEmail", async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<VerifyEmailRequest>(cancellationToken);
            return ApiResult.Ok(await verification.VerifyAsync(body, request.Client(), cancellationToken));
        });
}
