using InFocus.Domain.Notifications;

namespace InFocus.Domain.Webhooks;

/// <summary>
/// Body of <c>POST /api/me/webhooks</c>: the https URL, the events (<see cref="WebhookEvents.All"/>) and optionally the
/// signing secret (16–128 characters); without one InFocus generates one and returns it once.
/// </summary>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Secret);

/// <summary>A webhook with its latest deliveries, newest first; <see cref="Status"/> is <c>disabled</c> after repeated failures.</summary>
public sealed record WebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    WebhookStatus Status,
    DateTimeOffset? DisabledAt,
    int ConsecutiveFailures,
    DateTimeOffset CreatedAt,
    IReadOnlyList<WebhookDeliveryResponse> LastDeliveries);

/// <summary>
/// The created webhook; <see cref="Secret"/> is the generated signing secret, shown this once (null when the request
/// named its own).
/// </summary>
public sealed record WebhookCreatedResponse(WebhookResponse Webhook, string? Secret);

/// <summary>One delivery of an event to a webhook.</summary>
public sealed record WebhookDeliveryResponse(
    string Id,
    string Event,
    string NotificationId,
    WebhookDeliveryStatus Status,
    int Attempts,
    int? ResponseStatus,
    string? Error,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset CreatedAt);

public enum WebhookStatus
{
    Active,

    /// <summary>Disabled after repeated failed attempts; it gets no deliveries. Delete it and create it again.</summary>
    Disabled,
}

/// <summary>The JSON body of every delivery: the delivery's id, the event type, when the event happened, and its data.</summary>
public sealed record WebhookPayload(string Id, string Type, DateTimeOffset CreatedAt, NotificationResponse Data);
