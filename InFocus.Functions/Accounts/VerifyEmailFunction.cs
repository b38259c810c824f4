using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class VerifyEmailFunction(HttpEndpoint endpoint, EmailVerificationService verification)
{
    public const string Name = "VerifyEmail";

    [Function(Name)]
    [JsonBody(typeof(VerifyEmailRequest))]
    [Returns(200, typeof(RegistrationResponse))]
    [Fails(404, 409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/verify-email")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<VerifyEmailRequest>(cancellationToken);
            return ApiResult.Ok(await verification.VerifyAsync(body, request.Client(), cancellationToken));
        });
}
