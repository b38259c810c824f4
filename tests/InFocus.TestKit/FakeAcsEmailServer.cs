using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.TestKit;

/// <summary>
/// A stand-in for Azure Communication Services Email on 127.0.0.1, speaking the documented REST API
/// (api-version 2023-03-31). It checks what the real service checks — the HMAC-SHA256 signature over verb, path and
/// query, <c>x-ms-date</c> (within 15 minutes), host and <c>x-ms-content-sha256</c> (which must match the body), or a
/// bearer token — and the request: a JSON body of the documented shape and a UUID <c>Operation-Id</c>. It sends each <c>Operation-Id</c> once, and can be scripted to
/// throttle (429 with Retry-After), to keep an operation running for some polls, or to fail it.
/// Written from the documentation, independently of the client it tests.
/// </summary>
public sealed class FakeAcsEmailServer : IAsyncDisposable
{
    public const string ApiVersion = "2023-03-31";
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.OrdinalIgnoreCase);
    private int _throttleRemaining;
    private int _failAfterAcceptingRemaining;

    private FakeAcsEmailServer(WebApplication app, string accessKey, string? bearerToken)
    {
        _app = app;
        AccessKey = accessKey;
        BearerToken = bearerToken;
    }

    /// <summary>The resource's access key (base64), as the portal shows it.</summary>
    public string AccessKey { get; }

    /// <summary>When set, requests must carry this bearer token instead of an HMAC signature.</summary>
    public string? BearerToken { get; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Emails the fake accepted, one per operation.</summary>
    public ConcurrentQueue<SentEmail> Sent { get; } = new();

    /// <summary>Every request, in arrival order, as "METHOD path" with the status answered.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>How many polls an operation answers Running before its final status.</summary>
    public int RunningPolls { get; set; } = 1;

    /// <summary>Seconds sent in Retry-After on 429 answers.</summary>
    public int ThrottleRetryAfterSeconds { get; set; } = 1;

    /// <summary>When set, new operations end Failed with this error code.</summary>
    public string? FailOperationsWithCode { get; set; }

    public void ThrottleNextSends(int count) => Volatile.Write(ref _throttleRemaining, count);

    /// <summary>
    /// The next <paramref name="count"/> sends are taken (the email goes out) but answered 500, as when the service fails
    /// after accepting: the acknowledgement is lost and the sender must retry without sending twice.
    /// </summary>
    public void FailAfterAcceptingNextSends(int count) => Volatile.Write(ref _failAfterAcceptingRemaining, count);

    public sealed record SentEmail(string OperationId, string SenderAddress, string To, string Subject, string PlainText, string Html);

    private sealed class Operation(string id)
    {
        public string Id { get; } = id;

        public int PollsLeft { get; set; }

        public string? FailureCode { get; init; }
    }

    public static async Task<FakeAcsEmailServer> StartAsync(string? bearerToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeAcsEmailServer(app, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), bearerToken);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var (status, error) = Authenticate(request, body);
        if (status == StatusCodes.Status200OK && request.Query["api-version"] != ApiVersion)
        {
            (status, error) = (StatusCodes.Status400BadRequest, "api-version must be " + ApiVersion);
        }

        if (status != StatusCodes.Status200OK)
        {
            await AnswerErrorAsync(context, status, error!);
            return;
        }

        var path = request.Path.Value ?? "";
        if (request.Method == HttpMethods.Post && path == "/emails:send")
        {
            await SendAsync(context, body);
        }
        else if (request.Method == HttpMethods.Get && path.StartsWith("/emails/operations/", StringComparison.Ordinal))
        {
            await PollAsync(context, path["/emails/operations/".Length..]);
        }
        else
        {
            await AnswerErrorAsync(context, StatusCodes.Status404NotFound, "No such operation.");
        }
    }

    private async Task SendAsync(HttpContext context, byte[] body)
    {
        if (Interlocked.Decrement(ref _throttleRemaining) >= 0)
        {
            context.Response.Headers.RetryAfter = ThrottleRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await AnswerErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests.");
            return;
        }

        if (context.Request.ContentType?.Split(';')[0].Trim() != "application/json")
        {
            await AnswerErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "The body must be application/json.");
            return;
        }

        var operationId = context.Request.Headers["Operation-Id"].ToString();
        if (!Guid.TryParse(operationId, out _))
        {
            await AnswerErrorAsync(context, StatusCodes.Status400BadRequest, "Operation-Id must be a UUID.");
            return;
        }

        if (ParseEmail(operationId, body) is not { } email)
        {
            await AnswerErrorAsync(context, StatusCodes.Status400BadRequest, "The body is not a valid EmailMessage.");
            return;
        }

        Operation operation;
        lock (_operations)
        {
            // The service's idempotency: an Operation-Id seen before is the same operation, never a second email.
            if (!_operations.TryGetValue(operationId, out operation!))
            {
                operation = new Operation(operationId) { PollsLeft = RunningPolls, FailureCode = FailOperationsWithCode };
                _operations[operationId] = operation;
                Sent.Enqueue(email);
            }
        }

        if (Interlocked.Decrement(ref _failAfterAcceptingRemaining) >= 0)
        {
            await AnswerErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal server error.");
            return;
        }

        context.Response.Headers["Operation-Location"] = $"{Endpoint.ToString().TrimEnd('/')}/emails/operations/{operation.Id}?api-version={ApiVersion}";
        context.Response.Headers.RetryAfter = "0";
        await AnswerAsync(context, StatusCodes.Status202Accepted, new { id = operation.Id, status = "Running" });
    }

    private async Task PollAsync(HttpContext context, string operationId)
    {
        if (!_operations.TryGetValue(operationId, out var operation))
        {
            await AnswerErrorAsync(context, StatusCodes.Status404NotFound, "Unknown operation.");
            return;
        }

        if (operation.PollsLeft > 0)
        {
            operation.PollsLeft--;
            context.Response.Headers.RetryAfter = "0";
            await AnswerAsync(context, StatusCodes.Status200OK, new { id = operation.Id, status = "Running" });
            return;
        }

        object result = operation.FailureCode is { } code
            ? new { id = operation.Id, status = "Failed", error = new { code, message = "The email could not be delivered." } }
            : new { id = operation.Id, status = "Succeeded" };
        await AnswerAsync(context, StatusCodes.Status200OK, result);
    }

    private (int Status, string? Error) Authenticate(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (BearerToken is not null)
        {
            return authorization == $"Bearer {BearerToken}" ? (200, null) : (401, "A valid bearer token is required.");
        }

        const string prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (401, "Authorization must use the HMAC-SHA256 scheme with the documented signed headers.");
        }

        var contentHash = request.Headers["x-ms-content-sha256"].ToString();
        if (contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return (401, "x-ms-content-sha256 does not match the body.");
        }

        var date = request.Headers["x-ms-date"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (DateTimeOffset.UtcNow - sent).Duration() > MaxClockSkew)
        {
            return (401, "x-ms-date is missing, malformed or not within 15 minutes of now.");
        }

        var stringToSign = $"{request.Method}\n{request.Path}{request.QueryString}\n{date};{request.Host.Value};{contentHash}";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(AccessKey), Encoding.UTF8.GetBytes(stringToSign)));
        return authorization[prefix.Length..] == expected ? (200, null) : (401, "The signature does not match.");
    }

    private static SentEmail? ParseEmail(string operationId, byte[] body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            var content = root.GetProperty("content");
            var to = root.GetProperty("recipients").GetProperty("to");
            if (to.GetArrayLength() != 1)
            {
                return null;
            }

            return new SentEmail(
                operationId,
                root.GetProperty("senderAddress").GetString()!,
                to[0].GetProperty("address").GetString()!,
                content.GetProperty("subject").GetString()!,
                content.GetProperty("plainText").GetString()!,
                content.GetProperty("html").GetString()!);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task AnswerErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.Headers["x-ms-error-code"] = status.ToString(CultureInfo.InvariantCulture);
        await AnswerAsync(context, status, new { error = new { code = $"Fake{status}", message } });
    }

    private async Task AnswerAsync(HttpContext context, int status, object body)
    {
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path} {status}");
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(body);
    }
}
