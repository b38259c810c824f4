using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Progress;

/// <summary>One show in progress and the episode to watch next.</summary>
public sealed record UpNextItem(
    string WatchlistEntryId,
    string MediaItemId,
    string Title,
    string? PosterUrl,
    DateTimeOffset LastWatchedAt,
    int Aired,
    int Completed,
    UpNextEpisode NextEpisode);

public sealed record UpNextEpisode(int Season, int Number, string? Name, DateOnly? AirDate, string? StillUrl);

/// <summary>
/// <c>GET /api/me/up-next</c>: the caller's shows with an aired episode they have not watched and at least one viewing,
/// not completed (a show marked completed by hand is done with; one completed by its viewings has nothing next until
/// an episode airs, and the refresh job reopens it then), most recently watched first, keyset-paged on
/// (<c>last_watched_at</c>, entry id). One statement, O(page) whatever the number of shows, episodes or viewings: the
/// page's candidates come from the (user, last_watched_at, id) index and each finds its next episode through the
/// show's (season, number) index. A page may hold fewer than <c>limit</c> items (a candidate with nothing aired to
/// watch next is skipped); <c>nextCursor</c> tells whether more follow.
/// </summary>
public sealed class UpNextService(InFocusDbContext db, MediaImages images, TimeProvider clock)
{
    private const string Kind = "up-next";

    public async Task<Page<UpNextItem>> ListAsync(CurrentUser user, PageRequest page, CancellationToken cancellationToken)
    {
        var after = Keyset.After<DateTimeOffset>(Kind, page.Cursor);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (afterAt, afterId) = after is null ? ((DateTimeOffset?)null, (string?)null) : (after.Key, after.Id);
        // The page's candidates come first, in keyset order from the (user, last_watched_at, id) index, so the work is
        // O(page) whatever the number of shows; a candidate with nothing to watch next (a status set by hand, an
        // episode not aired yet, a movie being watched: it has no episodes) is left out of the page, which may then hold
        // fewer than limit items. The candidates are not joined to their titles to keep to shows: the planner, which
        // cannot know that a user's started entries are nearly all shows, then hash-joined them with a scan of the whole
        // catalog (2 ms a request at 11,000 titles, growing with the catalog; 0.1 ms without the join).
        var rows = await db.Database.SqlQuery<UpNextRow>($"""
            WITH candidates AS MATERIALIZED (
                SELECT w.id, w.user_id, w.media_item_id, w.last_watched_at
                FROM watchlist_entries w
                WHERE w.user_id = {user.UserId} AND w.last_watched_at IS NOT NULL AND w.status <> 'completed'
                  AND ({afterAt}::timestamptz IS NULL OR (w.last_watched_at, w.id) < ({afterAt}::timestamptz, {afterId}::text))
                ORDER BY w.last_watched_at DESC, w.id DESC
                LIMIT {page.Limit + 1})
            SELECT c.id AS entry_id, m.id AS media_item_id, m.title, m.poster_path, c.last_watched_at,
                   n.season_number, n.number, n.name, n.air_date, n.still_path,
                   (SELECT count(*)::int FROM episodes e
                    WHERE n.number IS NOT NULL AND e.media_item_id = m.id AND e.season_number > 0 AND e.air_date <= {today}) AS aired,
                   (SELECT count(DISTINCT v.episode_id)::int FROM viewings v
                    JOIN episodes e ON e.id = v.episode_id
                    WHERE n.number IS NOT NULL AND v.user_id = c.user_id AND v.media_item_id = m.id
                      AND e.season_number > 0 AND e.air_date <= {today}) AS completed
            FROM candidates c
            JOIN media_items m ON m.id = c.media_item_id
            LEFT JOIN LATERAL (
                SELECT e.season_number, e.number, e.name, e.air_date, e.still_path FROM episodes e
                WHERE e.media_item_id = c.media_item_id AND e.season_number > 0 AND e.air_date <= {today}
                  AND NOT EXISTS (SELECT 1 FROM viewings v WHERE v.user_id = c.user_id AND v.episode_id = e.id)
                ORDER BY e.season_number, e.number
                LIMIT 1) AS n ON true
            ORDER BY c.last_watched_at DESC, c.id DESC
            """).ToListAsync(cancellationToken);
        var candidates = Keyset.ToPage(rows, page.Limit, Kind, r => r.LastWatchedAt, r => r.EntryId);
        return new Page<UpNextItem>(
            candidates.Items
                .Where(r => r.SeasonNumber is not null)
                .Select(r => new UpNextItem(
                    r.EntryId, r.MediaItemId, r.Title, images.Poster(r.PosterPath), r.LastWatchedAt, r.Aired, r.Completed,
                    new UpNextEpisode(r.SeasonNumber!.Value, r.Number!.Value, r.Name, r.AirDate, images.Still(r.StillPath))))
                .ToList(),
            candidates.NextCursor);
    }

    private sealed record UpNextRow(
        string EntryId, string MediaItemId, string Title, string? PosterPath, DateTimeOffset LastWatchedAt,
        int? SeasonNumber, int? Number, string? Name, DateOnly? AirDate, string? StillPath, int Aired, int Completed);
}
