using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

/// <summary>Anonymous: the token from the email is the capability to decline.</summary>
public sealed class DeclineInvitationFunction(HttpEndpoint endpoint, InvitationResponder responder)
{
    public const string Name = "DeclineInvitation";

    [Function(Name)]
    [Returns(204)]
    [Fails(410)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}/decline")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            await responder.DeclineAsync(token, cancellationToken);
            return ApiResult.NoContent();
        });
}
