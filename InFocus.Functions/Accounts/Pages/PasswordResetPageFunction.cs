using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts.Pages;

/// <summary>The page the password-reset email's link opens: a form for the new password.</summary>
public sealed class PasswordResetPageFunction(HtmlPageEndpoint endpoint)
{
    public const string Name = "PasswordResetPage";

    [Function(Name)]
    [Summary("The page a password-reset email's link opens: the form to choose a new password")]
    [Returns(200, MediaType = "text/html")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "password-reset/{token}")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, _ =>
        {
            PasswordResetService.EnsureLinkShape(token);
            return Task.FromResult(AccountPageRenderer.ChoosePassword(token));
        });
}
