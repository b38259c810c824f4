using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class RegisterFunction(HttpEndpoint endpoint, RegistrationService registration)
{
    [Function("Register")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest request) =>
        endpoint.RunAsync(request, "Register", async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<RegisterRequest>(cancellationToken);
            return ApiResult.Accepted(await registration.RegisterAsync(body, request.Client(), cancellationToken));
        });
}
