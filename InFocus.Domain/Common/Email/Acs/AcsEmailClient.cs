using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Common.Email.Acs;

/// <summary>
/// Azure Communication Services Email over its documented REST API (api-version 2023-03-31): POST
/// <c>/emails:send</c> with an <c>Operation-Id</c> derived from the email's idempotency key, so a retried or
/// redelivered send is the same operation and the service sends once; then poll <c>/emails/operations/{id}</c>
/// until the operation succeeds or fails. 429 answers are retried after their <c>Retry-After</c>.
/// </summary>
public sealed partial class AcsEmailClient(HttpClient http, IOptions<EmailOptions> options, TimeProvider clock, ILogger<AcsEmailClient> logger)
    : IEmailSender
{
    public const string ApiVersion = "2023-03-31";

    /// <summary>Namespace of the name-based Operation-Ids; changing it would make old keys new operations.</summary>
    public static readonly Guid OperationNamespace = new("5f0a4c2e-8f3b-4d4e-9c61-2b7a9e1d3c55");

    private const int MaxThrottledAttempts = 4;
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMinutes(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Guid OperationIdFor(string idempotencyKey) => DeterministicGuid.Create(OperationNamespace, idempotencyKey);

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var operationId = OperationIdFor(email.IdempotencyKey).ToString();
        var message = new SendRequest(
            options.Value.SenderAddress,
            new ContentBody(email.Subject, email.PlainText, email.Html),
            new RecipientsBody([new AddressBody(email.To)]),
            email.Headers);

        using var accepted = await SendWithRetryAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, Url("emails:send"))
                {
                    Content = JsonContent.Create(message, options: Json),
                };
                request.Headers.Add("Operation-Id", operationId);
                return request;
            },
            cancellationToken);
        if (accepted.StatusCode != HttpStatusCode.Accepted)
        {
            throw await FailureAsync(accepted, cancellationToken);
        }

        var status = await ReadStatusAsync(accepted, cancellationToken);
        await PollUntilDoneAsync(operationId, status, PollDelay(accepted), cancellationToken);
    }

    private async Task PollUntilDoneAsync(string operationId, OperationStatus status, TimeSpan delay, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + PollTimeout;
        while (status.Status is "NotStarted" or "Running")
        {
            if (clock.GetUtcNow() >= deadline)
            {
                throw new EmailDeliveryException($"ACS did not finish sending within {PollTimeout.TotalSeconds:0} seconds.");
            }

            await Task.Delay(delay, clock, cancellationToken);
            using var response = await SendWithRetryAsync(
                () => new HttpRequestMessage(HttpMethod.Get, Url($"emails/operations/{Uri.EscapeDataString(operationId)}")),
                cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await FailureAsync(response, cancellationToken);
            }

            status = await ReadStatusAsync(response, cancellationToken);
            delay = PollDelay(response);
        }

        if (status.Status != "Succeeded")
        {
            var error = status.Error is { } e ? $"{e.Code}: {e.Message}" : "no error details";
            throw new EmailDeliveryException(Shorten($"ACS email operation ended {status.Status} ({error})."));
        }

        LogSent(logger, operationId);
    }

    /// <summary>Sends a fresh request (each attempt is signed anew) until it is not throttled or attempts run out.</summary>
    private async Task<HttpResponseMessage> SendWithRetryAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(attempt * 2);
            response.Dispose();
            if (attempt == MaxThrottledAttempts)
            {
                throw new EmailDeliveryException("ACS is throttling email sends (429); the send will be retried later.");
            }

            LogThrottled(logger, wait.TotalSeconds);
            await Task.Delay(Min(wait, MaxWait), clock, cancellationToken);
        }
    }

    private string Url(string path) => $"{options.Value.Acs.Endpoint.TrimEnd('/')}/{path}?api-version={ApiVersion}";

    private static async Task<OperationStatus> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<OperationStatus>(Json, cancellationToken)
        ?? throw new EmailDeliveryException("ACS answered without an operation status.");

    private static async Task<EmailDeliveryException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ErrorBody? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<ErrorBody>(Json, cancellationToken);
        }
        catch (JsonException)
        {
            // No error body: the status alone says enough.
        }

        var detail = body?.Error is { } e ? $" {e.Code}: {e.Message}" : "";
        return new EmailDeliveryException(Shorten($"ACS answered {(int)response.StatusCode}.{detail}"));
    }

    private TimeSpan PollDelay(HttpResponseMessage response) => Min(RetryAfter(response) ?? DefaultPollInterval, MaxWait);

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        return header?.Delta ?? (header?.Date is { } date ? Max(date - clock.GetUtcNow(), TimeSpan.Zero) : null);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Shorten(string text) => text.Length <= FieldLimits.ErrorText ? text : text[..FieldLimits.ErrorText];

    /// <summary>The ACS send body; <c>headers</c> (custom headers such as <c>List-Unsubscribe</c>) only when there are any.</summary>
    private sealed record SendRequest(
        string SenderAddress,
        ContentBody Content,
        RecipientsBody Recipients,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        IReadOnlyDictionary<string, string>? Headers);

    private sealed record ContentBody(string Subject, string PlainText, string Html);

    private sealed record RecipientsBody(IReadOnlyList<AddressBody> To);

    private sealed record AddressBody(string Address);

    private sealed record OperationStatus(string Id, string Status, ErrorDetail? Error);

    private sealed record ErrorBody(ErrorDetail? Error);

    private sealed record ErrorDetail(string? Code, string? Message);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACS sent email operation {OperationId}")]
    private static partial void LogSent(ILogger logger, string operationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS throttled the request; retrying after {Seconds} s")]
    private static partial void LogThrottled(ILogger logger, double seconds);
}
