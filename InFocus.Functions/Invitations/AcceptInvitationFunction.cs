using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class AcceptInvitationFunction(AuthenticatedEndpoint endpoint, InvitationResponder responder)
{
    public const string Name = "AcceptInvitation";

    [Function(Name)]
    [Returns(200, typeof(InvitationAcceptance))]
    [Fails(403, 410)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}/accept")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, async (user, cancellationToken) =>
            ApiResult.Ok(await responder.AcceptAsync(user.UserId, token, cancellationToken)));
}
