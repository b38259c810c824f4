using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class ResendVerificationEmailFunction(HttpEndpoint endpoint, EmailVerificationService verification)
{
    public const string Name = "ResendVerificationEmail";

    [Function(Name)]
    [JsonBody(typeof(ResendVerificationRequest))]
    [Returns(202, typeof(AcceptedResponse))]
    [Fails(429)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/verify-email/resend")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<ResendVerificationRequest>(cancellationToken);
            return ApiResult.Accepted(await verification.ResendAsync(body, request.Client(), cancellationToken));
        });
}
