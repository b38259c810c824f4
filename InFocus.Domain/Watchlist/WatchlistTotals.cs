using InFocus.Domain.Common;

namespace InFocus.Domain.Watchlist;

/// <summary>
/// A user's watchlist counted: entries in all and per status, how many are rated and the sum of their ratings.
/// <see cref="Entity.Id"/> is the user's id. Kept current by a PostgreSQL trigger on <c>watchlist_entries</c> in the same
/// transaction as every write (see <c>Data/Migrations/PerformanceSummariesSql.cs</c>); the application only reads it.
/// </summary>
public sealed class WatchlistTotals : Entity
{
    public int Total { get; init; }

    public int NotWatched { get; init; }

    public int Watching { get; init; }

    public int Completed { get; init; }

    public int Rated { get; init; }

    public long RatingSum { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}

/// <summary>How many of a user's watchlist titles have one genre; kept like <see cref="WatchlistTotals"/>.</summary>
public sealed class WatchlistGenreCount : Entity
{
    public required string UserId { get; init; }

    public required string Genre { get; init; }

    public int Count { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
