namespace InFocus.Baseline;

/// <summary>
/// The statements InFocus runs for the benchmarked endpoints, verbatim as EF Core sends them (captured with
/// PostgreSQL's <c>log_statement = all</c> against the Release development host; see docs/performance.md, "The framework
/// baseline"). When InFocus's SQL for these endpoints changes, capture it again and paste it here.
/// </summary>
internal static class BaselineSql
{
    /// <summary>Every authenticated request: the session of the access token is still active ($1 session, $2 user, $3 now).</summary>
    public const string Session = """
        SELECT s.last_used_at
        FROM sessions AS s
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3
        LIMIT 1
        """;

    /// <summary>At most once a minute per session: its last use ($1 now, $2 session, $3 a minute ago).</summary>
    public const string TouchSession = """
        UPDATE sessions AS s
        SET last_used_at = $1
        WHERE s.id = $2 AND s.last_used_at < $3
        """;

    /// <summary><c>GET /api/me</c> ($1 user).</summary>
    public const string Me = """
        SELECT u.id, u.created_at, u.email, u.name, u.password_hash, u.region, u.updated_at, p.id, p.avatar, p.bio, p.created_at, p.preferences, p.updated_at, p.user_id, (
            SELECT count(*)::int
            FROM notifications AS n
            WHERE n.user_id = u.id AND n.read_at IS NULL) AS "Unread"
        FROM users AS u
        LEFT JOIN profiles AS p ON u.id = p.user_id
        WHERE u.id = $1
        LIMIT 1
        """;

    /// <summary><c>GET /api/watchlist?limit=N</c>, first page, default sort ($1 user, $2 limit + 1).</summary>
    public const string WatchlistPage = """
        SELECT w0.id, w0.date_added, w0.date_updated, w0.last_watched_at, w0.media_item_id, w0.notes, w0.rating, w0.status, w0.status_follows_progress, w0.user_id, w0.xmin, m.id, m.tmdb_id, m.tmdb_type, m.title, m.poster_path, m.release_date, m.genres
        FROM (
            SELECT w.id, w.date_added, w.date_updated, w.last_watched_at, w.media_item_id, w.notes, w.rating, w.status, w.status_follows_progress, w.user_id, w.xmin
            FROM watchlist_entries AS w
            WHERE w.user_id = $1
            ORDER BY w.date_added DESC, w.id DESC
            LIMIT $2
        ) AS w0
        INNER JOIN media_items AS m ON w0.media_item_id = m.id
        ORDER BY w0.date_added DESC, w0.id DESC
        """;

    /// <summary><c>GET /api/watchlist/{id}</c> ($1 user, $2 entry).</summary>
    public const string WatchlistEntry = """
        SELECT w.id, w.date_added, w.date_updated, w.last_watched_at, w.media_item_id, w.notes, w.rating, w.status, w.status_follows_progress, w.user_id, w.xmin, m.id, m.tmdb_id, m.tmdb_type, m.title, m.poster_path, m.release_date, m.genres
        FROM watchlist_entries AS w
        INNER JOIN media_items AS m ON w.media_item_id = m.id
        WHERE w.user_id = $1 AND w.id = $2
        LIMIT 2
        """;
}
