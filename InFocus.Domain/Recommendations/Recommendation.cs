using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;

namespace InFocus.Domain.Recommendations;

/// <summary>A title one user recommends to another who shares a family with them.</summary>
public sealed class Recommendation : Entity
{
    public required string MediaItemId { get; init; }

    public required string RecommendedById { get; init; }

    public required string RecommendedToId { get; init; }

    public string? Message { get; init; }

    public RecommendationStatus Status { get; set; } = RecommendationStatus.Pending;

    public DateTimeOffset? RespondedAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public MediaItem? MediaItem { get; init; }

    public User? RecommendedBy { get; init; }

    public User? RecommendedTo { get; init; }
}

public enum RecommendationStatus
{
    Pending,
    Accepted,
    Rejected,
}
