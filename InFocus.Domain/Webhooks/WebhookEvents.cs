using InFocus.Domain.Common;
using InFocus.Domain.Notifications;

namespace InFocus.Domain.Webhooks;

/// <summary>
/// The event names a webhook may subscribe to: <c>notification.created</c> for every notification, or
/// <c>notification.&lt;type&gt;</c> (for example <c>notification.title_available</c>) for one type. Every delivery's
/// payload type is <c>notification.created</c>; its data says which type it is.
/// </summary>
public static class WebhookEvents
{
    public const string NotificationCreated = "notification.created";

    public const string TypePrefix = "notification.";

    public static IReadOnlyList<string> All { get; } =
        [NotificationCreated, .. SnakeCaseEnum<NotificationType>.AllNames.Select(t => TypePrefix + t)];
}
