using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts.Pages;

/// <summary>The verification page's button: creates the account (404 page for a used, replaced or expired link).</summary>
public sealed class ConfirmEmailPageFunction(HtmlPageEndpoint endpoint, EmailVerificationService verification)
{
    public const string Name = "ConfirmEmailPage";

    [Function(Name)]
    [Summary("The verification page's button: creates the account of the emailed link")]
    [Returns(200, MediaType = "text/html")]
    [Fails(409)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "verify-email/{token}/confirm")] HttpRequest request, string token) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
            AccountPageRenderer.Verified(await verification.VerifyWithoutSignInAsync(token, cancellationToken)));
}
