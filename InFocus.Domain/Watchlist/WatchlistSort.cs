namespace InFocus.Domain.Watchlist;

/// <summary>What <c>GET /api/watchlist</c> sorts by (<c>?sort=</c>).</summary>
public enum WatchlistSort
{
    Added,
    Updated,
    Title,
    Rating,
}

/// <summary>The direction of a sort (<c>?order=</c>).</summary>
public enum SortOrder
{
    Asc,
    Desc,
}
