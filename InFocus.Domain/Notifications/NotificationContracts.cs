using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Notifications;

/// <summary>Query of <c>GET /api/me/notifications</c>, as received.</summary>
public sealed record NotificationsQuery(string? Unread, string? Type);

/// <summary>
/// One notification. Which members are set depends on the type: <see cref="Actor"/> who caused it, <see cref="Media"/>
/// the title, <see cref="FamilyId"/>, <see cref="RecommendationId"/>, and for <c>title_available</c> the provider and region.
/// </summary>
public sealed record NotificationResponse(
    string Id,
    NotificationType Type,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    NotificationActor? Actor,
    MediaSummary? Media,
    string? FamilyId,
    string? RecommendationId,
    int? ProviderId,
    string? Provider,
    string? Region);

/// <summary>Who caused a notification.</summary>
public sealed record NotificationActor(string UserId, string Name);

/// <summary>Body of <c>POST /api/me/notifications/read</c>: the ids to mark read (at most 200), or <c>all: true</c>.</summary>
public sealed record MarkNotificationsReadRequest(IReadOnlyList<string>? Ids, bool? All);

/// <summary>How many notifications this request marked read, and how many are still unread.</summary>
public sealed record NotificationsReadResponse(int Marked, int Unread);
