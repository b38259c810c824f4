using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts.Pages;

/// <summary>The new-password form: sets it and signs every device out; a weak password shows the form again.</summary>
public sealed class ConfirmPasswordResetPageFunction(HtmlPageEndpoint endpoint, PasswordResetService passwordReset)
{
    public const string Name = "ConfirmPasswordResetPage";

    [Function(Name)]
    [Summary("The password-reset page's form: sets the new password")]
    [FormBody(AccountPageRenderer.PasswordField)]
    [Returns(200, MediaType = "text/html")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "password-reset/{token}/confirm")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var fields = await request.ReadFormFieldsAsync(cancellationToken);
            try
            {
                await passwordReset.ConfirmAsync(new PasswordResetConfirmRequest(token, fields.Value(AccountPageRenderer.PasswordField)), cancellationToken);
                return AccountPageRenderer.PasswordChanged();
            }
            catch (ValidationException e)
            {
                return AccountPageRenderer.ChoosePassword(token, e);
            }
        });
}
