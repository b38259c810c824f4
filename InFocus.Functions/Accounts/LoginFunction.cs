using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class LoginFunction(HttpEndpoint endpoint, SignInService signIn)
{
    public const string Name = "Login";

    [Function(Name)]
    [JsonBody(typeof(LoginRequest))]
    [Returns(200, typeof(TokenPair))]
    [Fails(401, 403, 429, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/login")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var body = await request.ReadJsonAsync<LoginRequest>(cancellationToken);
            return ApiResult.Ok(await signIn.LoginAsync(body, request.Client(), cancellationToken));
        });
}
