using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Accounts.Pages;

/// <summary>The page where someone who forgot their password asks for a link (linked from the "someone tried to register" email).</summary>
public sealed class ForgotPasswordPageFunction(HtmlPageEndpoint endpoint)
{
    public const string Name = "ForgotPasswordPage";

    [Function(Name)]
    [Summary("The forgotten-password page: asks for the address to send a reset link to")]
    [Returns(200, MediaType = "text/html")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "password-reset")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, _ => Task.FromResult(AccountPageRenderer.ForgotPassword()));
}
