using InFocus.Domain.Notifications;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Notifications;

/// <summary>The page the digest's unsubscribe link opens. Anonymous: the token in the query is the capability.</summary>
public sealed class UnsubscribePageFunction(HtmlPageEndpoint endpoint, NotificationDigestService digests)
{
    public const string Name = "UnsubscribePage";

    [Function(Name)]
    [Summary("The page a digest's unsubscribe link opens: the button that turns the digest off")]
    [Query("token", Description = "The token of the digest's link.")]
    [Returns(200, MediaType = "text/html")]
    [Fails(404)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var token = request.QueryValue("token") ?? "";
            return UnsubscribePageRenderer.Confirm(token, await digests.RecipientAsync(token, cancellationToken));
        });
}
