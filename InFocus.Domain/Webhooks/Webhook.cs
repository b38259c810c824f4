using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Notifications;

namespace InFocus.Domain.Webhooks;

/// <summary>
/// A developer's endpoint that receives signed JSON for the events it subscribes to (<see cref="WebhookEvents"/>).
/// The secret is a signing key the app must read back to sign, so it is stored as it is (never logged, returned only
/// by the create call that generated it).
/// </summary>
public sealed class Webhook : Entity
{
    public required string UserId { get; init; }

    public required string Url { get; init; }

    /// <summary>Subscribed event names, each one of <see cref="WebhookEvents.All"/>.</summary>
    public required string[] Events { get; init; }

    public required string Secret { get; init; }

    /// <summary>Failed attempts since the last delivered one; at <see cref="WebhookOptions.DisableAfterFailures"/> the webhook is disabled.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>When repeated failures disabled the webhook; it then gets no deliveries.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }

    public List<WebhookDelivery> Deliveries { get; init; } = [];
}

/// <summary>
/// One event for one webhook, created by the <c>webhook_deliveries_for_notifications</c> trigger in the transaction
/// that inserts the notification; unique per (webhook, notification), so an event is never delivered twice.
/// </summary>
public sealed class WebhookDelivery : Entity
{
    public required string WebhookId { get; init; }

    public required string NotificationId { get; init; }

    /// <summary>The payload's type, for example <c>notification.created</c>.</summary>
    public required string Event { get; init; }

    public WebhookDeliveryStatus Status { get; init; }

    public int Attempts { get; init; }

    /// <summary>When the next attempt is due (pending deliveries).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>A delivery worker's claim; another worker skips the delivery until it expires.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>The HTTP status of the last attempt, null when there was no response (refused address, timeout, connection error).</summary>
    public int? ResponseStatus { get; init; }

    /// <summary>Why the last attempt failed, when there was no response.</summary>
    public string? Error { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Webhook? Webhook { get; init; }

    public Notification? Notification { get; init; }
}

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Not yet delivered; retried at <c>nextAttemptAt</c>.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Given up after <see cref="WebhookOptions.MaxAttempts"/> attempts.</summary>
    Failed,
}
