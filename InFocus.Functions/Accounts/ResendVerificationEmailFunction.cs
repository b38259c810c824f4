using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class ResendVerificationEmailFunction(HttpEndpoint endpoint, EmailVerificationService verification)
{
    [Function("ResendVerificationEmail")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/verify-email/resend")] HttpRequest request) =>
        endpoint.RunAsync(request, "ResendVerificationEmail", async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<ResendVerificationRequest>(cancellationToken);
            return ApiResult.Accepted(await verification.ResendAsync(body, request.Client(), cancellationToken));
        });
}
