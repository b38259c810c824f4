using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class AcceptInvitationFunction(AuthenticatedEndpoint endpoint, InvitationResponder responder)
{
    [Function("AcceptInvitation")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}/accept")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, "AcceptInvitation", async (user, cancellationToken) =>
            ApiResult.Ok(await responder.AcceptAsync(user.UserId, token, cancellationToken)));
}
