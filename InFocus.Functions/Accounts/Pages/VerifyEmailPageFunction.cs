using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts.Pages;

/// <summary>The page the verification email's link opens. Anonymous: the token in the path is the capability.</summary>
public sealed class VerifyEmailPageFunction(HtmlPageEndpoint endpoint)
{
    public const string Name = "VerifyEmailPage";

    [Function(Name)]
    [Summary("The page a verification email's link opens: the button that creates the account")]
    [Returns(200, MediaType = "text/html")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "verify-email/{token}")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, _ =>
        {
            EmailVerificationService.EnsureLinkShape(token);
            return Task.FromResult(AccountPageRenderer.VerifyEmail(token));
        });
}
