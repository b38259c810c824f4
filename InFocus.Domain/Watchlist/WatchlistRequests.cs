namespace InFocus.Domain.Watchlist;

/// <summary>Body of <c>POST /api/watchlist</c>: the title (by catalog id, or TMDB id and type) and optional state.</summary>
public sealed record AddWatchlistEntryRequest(
    string? MediaItemId,
    int? TmdbId,
    string? Type,
    string? Status,
    int? Rating,
    string? Notes);

/// <summary>Query of <c>GET /api/watchlist</c>, as received.</summary>
public sealed record WatchlistQuery(string? Status, string? Sort, string? Order);
