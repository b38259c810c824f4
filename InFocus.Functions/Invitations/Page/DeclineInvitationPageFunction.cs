using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations.Page;

/// <summary>The invitation page's decline button. Anonymous: the token in the path is the capability. The form has no fields.</summary>
public sealed class DeclineInvitationPageFunction(HtmlPageEndpoint endpoint, InvitationResponder responder)
{
    [Function("DeclineInvitationPage")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}/page/decline")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, "DeclineInvitationPage", async cancellationToken =>
        {
            var invitation = await responder.DescribeAsync(token, cancellationToken);
            await responder.DeclineAsync(token, cancellationToken);
            return InvitationPageRenderer.Declined(invitation);
        });
}
