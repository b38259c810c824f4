using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.TestKit.Webhooks;

/// <summary>
/// A developer's webhook endpoint on 127.0.0.1 (http, which the Development environment allows to loopback): it
/// records every request, verifies its <c>InFocus-Signature</c> with <see cref="Secret"/> as a receiver would, and
/// answers with the statuses it is told (200 by default).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _replies = new();

    private WebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        Secret = secret;
    }

    /// <summary>The signing secret this receiver's webhook was created with.</summary>
    public string Secret { get; set; }

    /// <summary>The webhook URL, <c>http://127.0.0.1:{port}/hooks/infocus</c>.</summary>
    public string Url { get; private set; } = "";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>How long each request waits before it is answered (for timeouts and slow receivers).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The next requests get these statuses, in order; then 200 again.</summary>
    public void Reply(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _replies.Enqueue(status);
        }
    }

    /// <summary>Every request gets <paramref name="status"/> until <see cref="Reply"/> or <c>AlwaysReply(200)</c>.</summary>
    public int? Always { get; set; }

    public static async Task<WebhookReceiver> StartAsync(string secret = "whsec_test-receiver-secret-0123456789")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = $"{address.TrimEnd('/')}/hooks/infocus";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var signature = context.Request.Headers[WebhookSignature.Header].ToString();
        Received.Enqueue(new ReceivedWebhook(
            context.Request.Method,
            context.Request.Path,
            context.Request.Headers[WebhookSignature.DeliveryHeader].ToString(),
            context.Request.Headers[WebhookSignature.EventHeader].ToString(),
            signature,
            WebhookSignature.Verify(Secret, signature, body),
            body));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        context.Response.StatusCode = _replies.TryDequeue(out var status) ? status : Always ?? StatusCodes.Status200OK;
    }
}

/// <summary>One request the receiver got; <see cref="SignatureValid"/> is the receiver's own verification.</summary>
public sealed record ReceivedWebhook(string Method, string Path, string DeliveryId, string Event, string Signature, bool SignatureValid, string Body)
{
    public WebhookPayload Payload => JsonSerializer.Deserialize<WebhookPayload>(Body, InFocusJson.Options)!;
}
