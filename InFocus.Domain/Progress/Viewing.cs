using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;

namespace InFocus.Domain.Progress;

/// <summary>
/// One time a user watched a movie (<see cref="EpisodeId"/> null) or an episode of a show. Rewatches are further rows;
/// a row is unique per (user, title, episode, watched_at), nulls equal, so recording the same viewing twice (two
/// devices, an import run again) keeps one. <see cref="WatchedAt"/> null means "watched, date unknown" (imports).
/// </summary>
public sealed class Viewing : Entity
{
    public required string UserId { get; init; }

    public required string MediaItemId { get; init; }

    public string? EpisodeId { get; init; }

    public DateTimeOffset? WatchedAt { get; init; }

    /// <summary>When the row was recorded (set by PostgreSQL).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }

    public MediaItem? MediaItem { get; init; }

    public Episode? Episode { get; init; }
}

/// <summary>A user's calendar feed capability: the SHA-256 hash of the token in <c>/api/me/calendar.ics?token=</c>.</summary>
public sealed class CalendarFeed : Entity
{
    public required string UserId { get; init; }

    public required byte[] TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }
}
