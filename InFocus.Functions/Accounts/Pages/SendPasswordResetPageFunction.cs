using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts.Pages;

/// <summary>The forgot-password form: the same answer whether or not the address has an account.</summary>
public sealed class SendPasswordResetPageFunction(HtmlPageEndpoint endpoint, PasswordResetService passwordReset)
{
    public const string Name = "SendPasswordResetPage";

    [Function(Name)]
    [Summary("The forgotten-password page's form: sends the reset link")]
    [FormBody(AccountPageRenderer.EmailField)]
    [Returns(202, MediaType = "text/html", Description = "The link is on its way (if the address has an account)")]
    [Fails(429)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "password-reset")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var fields = await request.ReadFormFieldsAsync(cancellationToken);
            try
            {
                var answer = await passwordReset.RequestAsync(
                    new PasswordResetRequest(fields.Value(AccountPageRenderer.EmailField)), request.Client(), cancellationToken);
                return AccountPageRenderer.ResetRequested(answer);
            }
            catch (DomainException e) when (e is ValidationException or TooManyRequestsException)
            {
                return AccountPageRenderer.ForgotPassword(e);
            }
        });
}
