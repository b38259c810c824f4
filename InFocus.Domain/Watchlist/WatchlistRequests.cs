using InFocus.Domain.Common;

namespace InFocus.Domain.Watchlist;

/// <summary>Body of <c>POST /api/watchlist</c>: the title (by catalog id, or TMDB id and type) and optional state.</summary>
public sealed record AddWatchlistEntryRequest(
    string? MediaItemId,
    int? TmdbId,
    string? Type,
    string? Status,
    int? Rating,
    string? Notes);

/// <summary>
/// Body of <c>PATCH /api/watchlist/{id}</c>: absent members stay as they are; <c>rating: null</c> and
/// <c>notes: null</c> clear them.
/// </summary>
public sealed record UpdateWatchlistEntryRequest(Optional<string?> Status, Optional<int?> Rating, Optional<string?> Notes);

/// <summary>
/// Query of <c>GET /api/watchlist</c>, as received. <see cref="Available"/> (<c>mine</c> or <c>any</c>) keeps the
/// titles with an offer of the <see cref="Offer"/> types in the caller's region, on one of the caller's services or on any.
/// </summary>
public sealed record WatchlistQuery(string? Status, string? Sort, string? Order, string? Available = null, string? Offer = null);

/// <summary>The <c>available</c> filter of <c>GET /api/watchlist</c>.</summary>
public enum AvailabilityFilter
{
    /// <summary>On one of my services, in my region.</summary>
    Mine,

    /// <summary>On any service, in my region.</summary>
    Any,
}
