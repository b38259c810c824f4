using InFocus.Domain.Common;
using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations.Page;

/// <summary>
/// The invitation page's accept form: registers the invited address or checks its password, then accepts. Anonymous:
/// the token in the path is the capability. Errors the recipient can fix show the form again with the message.
/// </summary>
public sealed class AcceptInvitationPageFunction(HtmlPageEndpoint endpoint, InvitationJoinService join, InvitationResponder responder)
{
    public const string Name = "AcceptInvitationPage";

    [Function(Name)]
    [Summary("The invitation page's join form: create an account or sign in, and accept")]
    [FormBody(JoinForm.ModeField, JoinForm.NameField, JoinForm.PasswordField)]
    [Returns(200, MediaType = "text/html")]
    [Fails(401, 409, 410, 429)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "invitations/{token}/page/accept")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var form = JoinForm.Read(await request.ReadFormFieldsAsync(cancellationToken));
            try
            {
                var acceptance = form.Mode == JoinMode.Register
                    ? await join.RegisterAndAcceptAsync(token, new JoinWithNewAccountRequest(form.Name, form.Password), cancellationToken)
                    : await join.SignInAndAcceptAsync(token, new JoinWithPasswordRequest(form.Password), request.Client(), cancellationToken);
                return InvitationPageRenderer.Accepted(acceptance);
            }
            catch (DomainException e) when (JoinForm.IsFixableOnTheForm(e))
            {
                var invitation = await responder.DescribeAsync(token, cancellationToken);
                return InvitationPageRenderer.Invitation(invitation, token, form.After(e), e);
            }
        });
}
