using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class RequestPasswordResetFunction(HttpEndpoint endpoint, PasswordResetService passwordReset)
{
    public const string Name = "RequestPasswordReset";

    [Function(Name)]
    [JsonBody(typeof(PasswordResetRequest))]
    [Returns(202, typeof(AcceptedResponse))]
    [Fails(429)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password-reset")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<PasswordResetRequest>(cancellationToken);
            return ApiResult.Accepted(await passwordReset.RequestAsync(body, request.Client(), cancellationToken));
        });
}
