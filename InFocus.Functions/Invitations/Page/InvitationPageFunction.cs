using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations.Page;

/// <summary>The page the email's link opens: the invitation with its accept and decline forms, or why it can no longer be used.</summary>
public sealed class InvitationPageFunction(HtmlPageEndpoint endpoint, InvitationResponder responder)
{
    [Function("InvitationPage")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invitations/{token}")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, "InvitationPage", async cancellationToken =>
        {
            var invitation = await responder.DescribeAsync(token, cancellationToken);
            return invitation.UnusableReason is null
                ? InvitationPageRenderer.Invitation(invitation, token, JoinForm.For(invitation))
                : InvitationPageRenderer.Unusable(invitation);
        });
}
