using InFocus.Domain.Accounts;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Watchlist;

/// <summary>
/// <c>GET /api/watchlist/stats</c>: counts per status, the average rating and counts per genre, in two statements that
/// read the user's counters (<see cref="WatchlistTotals"/>, <see cref="WatchlistGenreCount"/>, kept current by
/// triggers in the same transaction as every watchlist write): one row, and one row per genre, however long the list.
/// </summary>
public sealed class WatchlistStatistics(InFocusDbContext db)
{
    public async Task<WatchlistStatsResponse> GetAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var totals = await db.WatchlistTotals.AsNoTracking().Where(t => t.Id == user.UserId).FirstOrDefaultAsync(cancellationToken);
        var genres = await db.WatchlistGenreCounts
            .Where(g => g.UserId == user.UserId && g.Count > 0)
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Genre)
            .Select(g => new GenreCount(g.Genre, g.Count))
            .ToListAsync(cancellationToken);

        var rated = totals?.Rated ?? 0;
        return new WatchlistStatsResponse(
            Total: totals?.Total ?? 0,
            Statuses:
            [
                new StatusCount(WatchStatus.NotWatched, totals?.NotWatched ?? 0),
                new StatusCount(WatchStatus.Watching, totals?.Watching ?? 0),
                new StatusCount(WatchStatus.Completed, totals?.Completed ?? 0),
            ],
            Rated: rated,
            AverageRating: rated == 0 ? null : Math.Round((decimal)totals!.RatingSum / rated, 2),
            Genres: genres);
    }
}
