using InFocus.Domain.Common;
using InFocus.Domain.Notifications;
using InFocus.Functions.Http;
using InFocus.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Notifications;

/// <summary>
/// RFC 8058 one-click unsubscribe: the POST a mail client sends for the digest's <c>List-Unsubscribe</c> header (and
/// the unsubscribe page's button), body <c>List-Unsubscribe=One-Click</c>. Turns the digest off without sign-in.
/// </summary>
public sealed class UnsubscribeFunction(HtmlPageEndpoint endpoint, NotificationDigestService digests)
{
    public const string Name = "Unsubscribe";

    [Function(Name)]
    [Summary("One-click unsubscribe (RFC 8058) from the daily digest of the link's token")]
    [Query("token", Description = "The token of the digest's link.")]
    [FormBody(UnsubscribePageRenderer.OneClickField)]
    [Returns(200, MediaType = "text/html")]
    [Fails(404)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, async cancellationToken =>
        {
            var token = request.QueryValue("token");
            var fields = await request.ReadFormFieldsAsync(cancellationToken);
            if (fields.Value(UnsubscribePageRenderer.OneClickField) != UnsubscribePageRenderer.OneClickValue)
            {
                throw ValidationException.For(UnsubscribePageRenderer.OneClickField, $"must be {UnsubscribePageRenderer.OneClickValue} (RFC 8058).");
            }

            return UnsubscribePageRenderer.Unsubscribed(await digests.UnsubscribeAsync(token, cancellationToken));
        });
}
