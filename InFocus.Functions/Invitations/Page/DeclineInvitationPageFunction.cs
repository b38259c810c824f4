using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations.Page;

/// <summary>The invitation page's decline button. Anonymous: the token in the path is the capability. The form has no fields.</summary>
public sealed class DeclineInvitationPageFunction(HtmlPageEndpoint endpoint, InvitationResponder responder)
{
    public const string Name = "DeclineInvitationPage";

    [Function(Name)]
    [Summary("The invitation page's decline button")]
    [Returns(200, MediaType = "text/html")]
    [Fails(410)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}/page/decline")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var invitation = await responder.DescribeAsync(token, cancellationToken);
            await responder.DeclineAsync(token, cancellationToken);
            return InvitationPageRenderer.Declined(invitation);
        });
}
