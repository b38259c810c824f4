using System.Net.Http.Headers;
using System.Text;

namespace InFocus.Domain.Webhooks;

/// <summary>
/// Posts one signed delivery. Its client (registered in <see cref="WebhooksServiceCollectionExtensions"/>) follows no
/// redirects, uses no proxy, times out after <see cref="WebhookOptions.Timeout"/> and connects only through
/// <see cref="WebhookAddressGuard.ConnectAsync(SocketsHttpConnectionContext, CancellationToken)"/>. Only the status is read, never the body.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    public async Task<WebhookAttempt> SendAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(message.Secret, clock.GetUtcNow(), message.Body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, message.DeliveryId);
        request.Headers.Add(WebhookSignature.EventHeader, message.Event);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("InFocus-Webhooks", "1.0"));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new WebhookAttempt((int)response.StatusCode, null);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException refused)
        {
            return new WebhookAttempt(null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new WebhookAttempt(null, $"Connection failed: {e.HttpRequestError}.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, $"No response within {http.Timeout.TotalSeconds:0.#} s.");
        }
    }
}

/// <summary>One delivery ready to send: where, signed with what, and the JSON body.</summary>
public sealed record WebhookMessage(string DeliveryId, string Event, string Url, string Secret, string Body);

/// <summary>What an attempt got: the response status, or why there was none.</summary>
public sealed record WebhookAttempt(int? Status, string? Error)
{
    public bool Delivered => Status is >= 200 and < 300;
}
