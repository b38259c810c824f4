using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;

namespace InFocus.Domain.Notifications;

/// <summary>
/// Something a user should hear about, created in the same transaction as the change that causes it.
/// <see cref="EventKey"/> names the event; it is unique per user, so the same event never notifies twice.
/// </summary>
public sealed class Notification : Entity
{
    public required string UserId { get; init; }

    public required NotificationType Type { get; init; }

    /// <summary>The event, for example <c>recommendation_accepted:{id}</c>; unique per user.</summary>
    public required string EventKey { get; init; }

    /// <summary>Who caused it (the recommender, the new member); null for the provider refresh or once deleted.</summary>
    public string? ActorId { get; init; }

    public string? MediaItemId { get; init; }

    public string? FamilyId { get; init; }

    public string? RecommendationId { get; init; }

    /// <summary>For <see cref="NotificationType.TitleAvailable"/>: the provider (TMDB id and name) and the region.</summary>
    public int? TmdbProviderId { get; init; }

    public string? Provider { get; init; }

    public string? Region { get; init; }

    public DateTimeOffset? ReadAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }

    public User? Actor { get; init; }

    public MediaItem? MediaItem { get; init; }
}

/// <summary>What a notification is about.</summary>
public enum NotificationType
{
    /// <summary>A title on my watchlist became available on one of my services in my region.</summary>
    TitleAvailable,

    RecommendationReceived,

    RecommendationAccepted,

    RecommendationRejected,

    /// <summary>Someone accepted an invitation I sent.</summary>
    InvitationAccepted,

    /// <summary>Someone joined one of my families.</summary>
    MemberJoined,

    /// <summary>Someone left (or was removed from) one of my families.</summary>
    MemberLeft,
}
