using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class RegisterFunction(HttpEndpoint endpoint, RegistrationService registration)
{
    public const string Name = "Register";

    [Function(Name)]
    [JsonBody(typeof(RegisterRequest))]
    [Returns(202, typeof(AcceptedResponse))]
    [Fails(429, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<RegisterRequest>(cancellationToken);
            return ApiResult.Accepted(await registration.RegisterAsync(body, request.Client(), cancellationToken));
        });
}
