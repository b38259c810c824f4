using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;

namespace InFocus.Domain.Watchlist;

/// <summary>One title on one user's watchlist.</summary>
public sealed class WatchlistEntry : Entity
{
    public required string UserId { get; init; }

    public required string MediaItemId { get; init; }

    public WatchStatus Status { get; set; } = WatchStatus.NotWatched;

    /// <summary>The user's rating, 1–10, or null when not rated.</summary>
    public int? Rating { get; set; }

    public string? Notes { get; set; }

    /// <summary>
    /// True while the status follows the viewings (the first episode makes it watching, every aired one completed, a
    /// newly aired one watching again); an explicit status change sets it false until the next viewing.
    /// </summary>
    public bool StatusFollowsProgress { get; set; } = true;

    /// <summary>The latest of the user's viewings of the title (their date, or when recorded if undated); null when none.</summary>
    public DateTimeOffset? LastWatchedAt { get; set; }

    public DateTimeOffset DateAdded { get; private set; }

    public DateTimeOffset DateUpdated { get; private set; }

    /// <summary>PostgreSQL's row version (xmin); the entry's ETag and optimistic concurrency token.</summary>
    public uint Version { get; private set; }

    public User? User { get; init; }

    public MediaItem? MediaItem { get; init; }
}
