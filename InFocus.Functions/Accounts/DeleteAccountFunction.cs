using InFocus.Domain.Accounts;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts;

public sealed class DeleteAccountFunction(AuthenticatedEndpoint endpoint, AccountDeletionService accounts)
{
    public const string Name = "DeleteAccount";

    [Function(Name)]
    [JsonBody(typeof(DeleteAccountRequest))]
    [Returns(204)]
    [Fails(429, 503)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "me")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
        {
            var body = await request.ReadJsonAsync<DeleteAccountRequest>(cancellationToken);
            await accounts.DeleteAsync(user, body, request.Client(), cancellationToken);
            return ApiResult.NoContent();
        });
}
