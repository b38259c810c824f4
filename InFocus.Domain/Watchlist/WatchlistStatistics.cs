using InFocus.Domain.Accounts;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Watchlist;

/// <summary><c>GET /api/watchlist/stats</c>: counts per status, the average rating and counts per genre, in two statements.</summary>
public sealed class WatchlistStatistics(InFocusDbContext db)
{
    public async Task<WatchlistStatsResponse> GetAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var entries = db.WatchlistEntries.Where(e => e.UserId == user.UserId);
        var statuses = await entries
            .GroupBy(e => e.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Rated = g.Count(e => e.Rating != null), RatingSum = g.Sum(e => e.Rating) ?? 0 })
            .ToListAsync(cancellationToken);
        var genres = await entries
            .SelectMany(e => e.MediaItem!.Genres)
            .GroupBy(genre => genre)
            .Select(g => new { Genre = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Genre)
            .Select(g => new GenreCount(g.Genre, g.Count))
            .ToListAsync(cancellationToken);

        var rated = statuses.Sum(s => s.Rated);
        var ratingSum = statuses.Sum(s => s.RatingSum);
        return new WatchlistStatsResponse(
            Total: statuses.Sum(s => s.Count),
            Statuses: Enum.GetValues<WatchStatus>().Select(status => new StatusCount(status, statuses.SingleOrDefault(s => s.Status == status)?.Count ?? 0)).ToList(),
            Rated: rated,
            AverageRating: rated == 0 ? null : Math.Round((decimal)ratingSum / rated, 2),
            Genres: genres);
    }
}
