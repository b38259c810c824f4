using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Progress;

/// <summary>
/// The writes of viewings, shared by a user's own marking, "watched together" and the jobs: set-based statements
/// whatever the number of episodes, under a transaction-scoped advisory lock per (user, title) so concurrent marks of
/// the same title (two devices) are serialized, each followed by <see cref="UpdateEntriesAsync"/> so the watchlist
/// status follows progress. Recording also confirms the tonight picks of the title the users were present at
/// (<see cref="ConfirmPicksAsync"/>).
/// </summary>
internal static class ViewingWriter
{
    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Records a viewing of each of <paramref name="episodeIds"/> (null: the movie itself) for each user at
    /// <paramref name="watchedAt"/>. Undated marks (<paramref name="dated"/> false) skip what the user has watched
    /// before; dated ones add a rewatch unless that very viewing exists. One INSERT; returns the rows added. With
    /// <paramref name="addToWatchlists"/> the title is first added to the watchlist of the users who lack it. Then the
    /// entries follow the viewings and the users confirm the picks of the title they were present at.
    /// </summary>
    public static async Task<int> RecordAsync(
        InFocusDbContext db, IReadOnlyList<string> userIds, string mediaItemId, IReadOnlyList<string?> episodeIds,
        DateTimeOffset watchedAt, bool dated, DateOnly today, CancellationToken cancellationToken, bool addToWatchlists = false)
    {
        var rows = JsonSerializer.Serialize(
            userIds.SelectMany(u => episodeIds.Select(e => new ViewingRow(Cuid.NewId(), u, e))), RowJson);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, userIds, mediaItemId, cancellationToken);
        if (addToWatchlists)
        {
            var entries = JsonSerializer.Serialize(userIds.Select(u => new EntryRow(Cuid.NewId(), u)), RowJson);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO watchlist_entries (id, user_id, media_item_id, status)
                SELECT r.id, r.user_id, {mediaItemId}, 'not_watched' FROM jsonb_to_recordset({entries}::jsonb) AS r(id text, user_id text)
                ON CONFLICT (user_id, media_item_id) DO NOTHING
                """, cancellationToken);
        }

        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO viewings (id, user_id, media_item_id, episode_id, watched_at)
            SELECT r.id, r.user_id, {mediaItemId}, r.episode_id, {watchedAt}
            FROM jsonb_to_recordset({rows}::jsonb) AS r(id text, user_id text, episode_id text)
            WHERE {dated} OR NOT EXISTS (
                SELECT 1 FROM viewings v
                WHERE v.user_id = r.user_id AND v.media_item_id = {mediaItemId} AND v.episode_id IS NOT DISTINCT FROM r.episode_id)
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        await UpdateEntriesAsync(db, userIds, mediaItemId, today, cancellationToken);
        await ConfirmPicksAsync(db, userIds, mediaItemId, watchedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Deletes the user's viewings <paramref name="viewings"/> selects (of one title) and updates the entry.</summary>
    public static async Task<int> DeleteAsync(
        InFocusDbContext db, string userId, string mediaItemId, IQueryable<Viewing> viewings, DateOnly today, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockAsync(db, [userId], mediaItemId, cancellationToken);
        var deleted = await viewings.ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            await UpdateEntriesAsync(db, [userId], mediaItemId, today, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static Task LockAsync(InFocusDbContext db, IReadOnlyList<string> userIds, string mediaItemId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            SELECT pg_advisory_xact_lock(hashtextextended('viewings/' || u || '/' || {mediaItemId}, 0))
            FROM unnest({userIds.Order(StringComparer.Ordinal).ToArray()}::text[]) WITH ORDINALITY AS l(u, n) ORDER BY n
            """, cancellationToken);

    /// <summary>
    /// The users who were present at a pick of the title (still members of its family) picked within
    /// <see cref="Tonight.TonightPick.ConfirmationWindow"/> of <paramref name="watchedAt"/> confirm it. One statement; the
    /// picks are locked in id order first, so concurrent confirmations of the same picks queue up rather than deadlock,
    /// and each appends only who is not in the list yet.
    /// </summary>
    private static Task ConfirmPicksAsync(
        InFocusDbContext db, IReadOnlyList<string> userIds, string mediaItemId, DateTimeOffset watchedAt, CancellationToken cancellationToken)
    {
        var users = userIds.Order(StringComparer.Ordinal).ToArray();
        var window = Tonight.TonightPick.ConfirmationWindow;
        return db.Database.ExecuteSqlAsync($"""
            WITH picks AS (
                SELECT p.id FROM tonight_picks p
                WHERE p.media_item_id = {mediaItemId} AND p.member_ids && {users}::text[]
                  AND p.picked_at BETWEEN {watchedAt - window} AND {watchedAt + window}
                ORDER BY p.id
                FOR UPDATE)
            UPDATE tonight_picks AS p
            SET confirmed_ids = p.confirmed_ids || ARRAY(
                SELECT u FROM unnest({users}::text[]) AS u
                WHERE u = ANY (p.member_ids) AND NOT u = ANY (p.confirmed_ids)
                  AND EXISTS (SELECT 1 FROM family_memberships fm WHERE fm.family_id = p.family_id AND fm.user_id = u)
                ORDER BY u)
            FROM picks
            WHERE p.id = picks.id
              AND EXISTS (
                SELECT 1 FROM unnest({users}::text[]) AS u
                WHERE u = ANY (p.member_ids) AND NOT u = ANY (p.confirmed_ids)
                  AND EXISTS (SELECT 1 FROM family_memberships fm WHERE fm.family_id = p.family_id AND fm.user_id = u))
            """, cancellationToken);
    }

    /// <summary>
    /// The status of the users' entries of the title follows their viewings (and the explicit status gives way): none is
    /// not watched; a movie watched, or a show whose aired regular episodes are all watched, completed; otherwise
    /// watching. Also keeps <c>last_watched_at</c> (up next's order) current. One statement.
    /// </summary>
    public static Task UpdateEntriesAsync(
        InFocusDbContext db, IReadOnlyList<string> userIds, string mediaItemId, DateOnly today, CancellationToken cancellationToken) =>
        UpdateEntriesAsync(db, userIds, [mediaItemId], today, onlyWatched: false, cancellationToken);

    /// <summary>
    /// <see cref="UpdateEntriesAsync(InFocusDbContext, IReadOnlyList{string}, string, DateOnly, CancellationToken)"/> for
    /// several titles at once (an import's batch; the caller holds the entries' locks); <paramref name="onlyWatched"/>
    /// leaves the entries of titles without a viewing as they are. One statement.
    /// </summary>
    public static Task UpdateEntriesAsync(
        InFocusDbContext db, IReadOnlyList<string> userIds, IReadOnlyList<string> mediaItemIds, DateOnly today, bool onlyWatched,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE watchlist_entries AS w
            SET status = p.status, last_watched_at = p.last_watched_at, status_follows_progress = true
            FROM (
                SELECT q.id, q.last_watched_at,
                       CASE
                           WHEN q.last_watched_at IS NULL THEN 'not_watched'
                           WHEN q.tmdb_type = 'movie' OR (q.aired > 0 AND q.watched >= q.aired) THEN 'completed'
                           ELSE 'watching'
                       END AS status
                FROM (
                    SELECT w2.id, m.tmdb_type,
                           (SELECT max(coalesce(v.watched_at, v.created_at)) FROM viewings v
                            WHERE v.user_id = w2.user_id AND v.media_item_id = w2.media_item_id) AS last_watched_at,
                           (SELECT count(*) FROM episodes e
                            WHERE e.media_item_id = m.id AND e.season_number > 0 AND e.air_date <= {today}) AS aired,
                           (SELECT count(DISTINCT v.episode_id) FROM viewings v
                            JOIN episodes e ON e.id = v.episode_id
                            WHERE v.user_id = w2.user_id AND v.media_item_id = m.id AND e.season_number > 0 AND e.air_date <= {today}) AS watched
                    FROM watchlist_entries w2
                    JOIN media_items m ON m.id = w2.media_item_id
                    WHERE w2.user_id = ANY({userIds.ToArray()}::text[]) AND w2.media_item_id = ANY({mediaItemIds.ToArray()}::text[])
                ) AS q
            ) AS p
            WHERE w.id = p.id AND (NOT {onlyWatched} OR p.last_watched_at IS NOT NULL)
              AND (w.status, w.last_watched_at, w.status_follows_progress) IS DISTINCT FROM (p.status, p.last_watched_at, true)
            """, cancellationToken);

    /// <summary>
    /// Completed shows whose status follows progress and that have an aired regular episode the user has not watched
    /// (a new episode, or an air date that has passed) become watching again; at most <paramref name="batchSize"/>
    /// entries per statement. Returns how many changed.
    /// </summary>
    public static Task<int> ReopenCompletedShowsAsync(InFocusDbContext db, DateOnly today, int batchSize, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE watchlist_entries AS w SET status = 'watching'
            WHERE w.id IN (
                SELECT w2.id FROM watchlist_entries w2
                JOIN media_items m ON m.id = w2.media_item_id
                WHERE w2.status = 'completed' AND w2.status_follows_progress AND m.tmdb_type = 'tv'
                  AND (SELECT count(*) FROM episodes e
                       WHERE e.media_item_id = m.id AND e.season_number > 0 AND e.air_date <= {today})
                      > (SELECT count(DISTINCT v.episode_id) FROM viewings v
                         JOIN episodes e ON e.id = v.episode_id
                         WHERE v.user_id = w2.user_id AND v.media_item_id = m.id AND e.season_number > 0 AND e.air_date <= {today})
                LIMIT {batchSize}
                FOR UPDATE OF w2 SKIP LOCKED)
            """, cancellationToken);

    private sealed record EntryRow(string Id, string UserId);

    private sealed record ViewingRow(string Id, string UserId, string? EpisodeId);
}
