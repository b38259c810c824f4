using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations.Page;

/// <summary>The page the email's link opens: the invitation with its accept and decline forms, or why it can no longer be used.</summary>
public sealed class InvitationPageFunction(HtmlPageEndpoint endpoint, InvitationResponder responder)
{
    public const string Name = "InvitationPage";

    [Function(Name)]
    [Summary("The invitation page: who invites the recipient to which family, with the form to join or decline")]
    [Returns(200, MediaType = "text/html")]
    [Fails(410)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "invitations/{token}")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var invitation = await responder.DescribeAsync(token, cancellationToken);
            return invitation.UnusableReason is null
                ? InvitationPageRenderer.Invitation(invitation, token, JoinForm.For(invitation))
                : InvitationPageRenderer.Unusable(invitation);
        });
}
