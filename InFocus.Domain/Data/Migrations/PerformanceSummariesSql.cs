namespace InFocus.Domain.Data.Migrations;

/// <summary>
/// Hand-written SQL of the <c>PerformanceSummaries</c> migration: the timestamp triggers of its new tables, the
/// triggers that keep the summaries current (<c>family_titles</c>, <c>watchlist_totals</c>,
/// <c>watchlist_genre_counts</c>) in the same transaction as every write to <c>watchlist_entries</c>,
/// <c>family_memberships</c> and <c>media_items</c>, and the backfill of the summaries from the existing rows.
/// <para>
/// The triggers are statement-level with transition tables, so a bulk write (an import, a deleted account's cascade)
/// updates each summary row once. Each applies deltas: +1 for a new row, -1 for an old one, grouped per summary row,
/// upserted with <c>count = count + delta</c> under the row lock, so concurrent writes by different members never lose
/// an update. A write to a user's entries and one to the same user's memberships are serialized by a transaction-scoped
/// advisory lock per user (<c>watchlist:{userId}</c>), taken before the other table is read in a later statement (a
/// fresh snapshot under READ COMMITTED), so an entry added while its owner joins a family is counted exactly once.
/// Which trigger of a cascade runs first (a deleted account's entries or its memberships) does not matter: each reads
/// the other table as it is at that moment, and a family that loses a member whose account is being deleted is
/// recounted (its entries may already be gone). Genres are read from <c>media_items</c> under <c>FOR SHARE</c>, so a
/// concurrent genre change waits or is seen; entries whose title is being deleted have their owner's genre counts
/// recounted.
/// </para>
/// </summary>
internal static class PerformanceSummariesSql
{
    private static readonly string[] NewTables = ["request_pacing", "family_titles", "watchlist_totals", "watchlist_genre_counts"];

    /// <summary>The summary triggers (the timestamp triggers are <c>touch_*</c>; these are <c>summarize_*</c>).</summary>
    private static readonly (string Table, string Event, string Function)[] Triggers =
    [
        ("watchlist_entries", "INSERT", "infocus_summarize_entries_insert"),
        ("watchlist_entries", "UPDATE", "infocus_summarize_entries_update"),
        ("watchlist_entries", "DELETE", "infocus_summarize_entries_delete"),
        ("family_memberships", "INSERT", "infocus_summarize_memberships_insert"),
        ("family_memberships", "UPDATE", "infocus_summarize_memberships_update"),
        ("family_memberships", "DELETE", "infocus_summarize_memberships_delete"),
        ("media_items", "UPDATE", "infocus_summarize_media_update"),
    ];

    public static string Up => string.Join("\n", [
        .. NewTables.Select(t => TimestampTriggers.Create(t, "created_at", "updated_at")),
        NewId,
        EntriesFunction("infocus_summarize_entries_insert", "SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign FROM new_rows n"),
        EntriesFunction("infocus_summarize_entries_delete", "SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign FROM old_rows o"),
        EntriesFunction("infocus_summarize_entries_update", """
            SELECT o.user_id, o.media_item_id, o.status, o.rating, -1 AS sign
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
            UNION ALL
            SELECT n.user_id, n.media_item_id, n.status, n.rating, 1 AS sign
            FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.user_id, o.media_item_id, o.status, o.rating) IS DISTINCT FROM (n.user_id, n.media_item_id, n.status, n.rating)
            """),
        MembershipsFunction("infocus_summarize_memberships_insert", "SELECT n.user_id, n.family_id, 1 AS sign FROM new_rows n"),
        MembershipsFunction("infocus_summarize_memberships_delete", "SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o"),
        MembershipsFunction("infocus_summarize_memberships_update", """
            SELECT o.user_id, o.family_id, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)
            UNION ALL
            SELECT n.user_id, n.family_id, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.user_id, o.family_id) IS DISTINCT FROM (n.user_id, n.family_id)
            """),
        MediaFunction,
        .. Triggers.Select(t => $"""
            CREATE TRIGGER summarize_{t.Table}_{t.Event.ToLowerInvariant()} AFTER {t.Event} ON {t.Table}
                REFERENCING {(t.Event == "INSERT" ? "NEW TABLE AS new_rows" : t.Event == "DELETE" ? "OLD TABLE AS old_rows" : "OLD TABLE AS old_rows NEW TABLE AS new_rows")}
                FOR EACH STATEMENT EXECUTE FUNCTION {t.Function}();
            """),
        Backfill,
    ]);

    public static string Down => string.Join("\n", [
        .. Triggers.Select(t => $"DROP TRIGGER IF EXISTS summarize_{t.Table}_{t.Event.ToLowerInvariant()} ON {t.Table};\nDROP FUNCTION IF EXISTS {t.Function}();"),
        "DROP FUNCTION IF EXISTS infocus_new_id();",
        .. NewTables.Select(TimestampTriggers.Drop),
    ]);

    /// <summary>A new row's id in the CUID shape of <see cref="Common.Cuid"/> ('c' and 24 of [0-9a-f]).</summary>
    private const string NewId = """
        CREATE FUNCTION infocus_new_id() RETURNS text LANGUAGE sql VOLATILE
            AS $$ SELECT 'c' || substr(md5(random()::text || clock_timestamp()::text), 1, 24) $$;
        """;

    /// <summary>Counts per status of a delta relation <c>d</c> with <c>status</c> and <c>sign</c>.</summary>
    private const string StatusSums = """
        sum(CASE WHEN d.status = 'not_watched' THEN d.sign ELSE 0 END),
        sum(CASE WHEN d.status = 'watching' THEN d.sign ELSE 0 END),
        sum(CASE WHEN d.status = 'completed' THEN d.sign ELSE 0 END)
        """;

    private const string FamilyTitlesUpsert = """
        ON CONFLICT (family_id, media_item_id) DO UPDATE SET
            member_count = t.member_count + excluded.member_count,
            not_watched_count = t.not_watched_count + excluded.not_watched_count,
            watching_count = t.watching_count + excluded.watching_count,
            completed_count = t.completed_count + excluded.completed_count
        """;

    /// <summary>
    /// A trigger function of <c>watchlist_entries</c> whose changes are <paramref name="deltas"/>
    /// (user_id, media_item_id, status, rating, sign).
    /// </summary>
    private static string EntriesFunction(string name, string deltas) => $"""
        CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM ({deltas}) d0) THEN
                RETURN NULL;
            END IF;

            PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
            FROM (SELECT DISTINCT user_id FROM ({deltas}) d0 ORDER BY 1) x;
            PERFORM 1 FROM media_items m WHERE m.id IN (SELECT media_item_id FROM ({deltas}) d0) ORDER BY m.id FOR SHARE;

            INSERT INTO watchlist_totals AS t (id, total, not_watched, watching, completed, rated, rating_sum)
            SELECT d.user_id, sum(d.sign), {StatusSums},
                   sum(CASE WHEN d.rating IS NOT NULL THEN d.sign ELSE 0 END), sum(d.sign * coalesce(d.rating, 0))
            FROM ({deltas}) d JOIN users u ON u.id = d.user_id
            GROUP BY d.user_id
            ORDER BY d.user_id
            ON CONFLICT (id) DO UPDATE SET
                total = t.total + excluded.total,
                not_watched = t.not_watched + excluded.not_watched,
                watching = t.watching + excluded.watching,
                completed = t.completed + excluded.completed,
                rated = t.rated + excluded.rated,
                rating_sum = t.rating_sum + excluded.rating_sum;

            INSERT INTO watchlist_genre_counts AS g (id, user_id, genre, count)
            SELECT infocus_new_id(), x.user_id, x.genre, x.n
            FROM (
                SELECT d.user_id, left(ge.genre, {Common.FieldLimits.Genre}) AS genre, sum(d.sign) AS n
                FROM ({deltas}) d
                JOIN users u ON u.id = d.user_id
                JOIN media_items m ON m.id = d.media_item_id
                CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
                GROUP BY 1, 2
                HAVING sum(d.sign) <> 0
            ) x
            ORDER BY x.user_id, x.genre
            ON CONFLICT (user_id, genre) DO UPDATE SET count = g.count + excluded.count;

            -- Entries of a title being deleted: its genres are gone, so their owners' genre counts are recounted.
            DELETE FROM watchlist_genre_counts g
            WHERE g.user_id IN (SELECT d.user_id FROM ({deltas}) d
                                WHERE NOT EXISTS (SELECT 1 FROM media_items m WHERE m.id = d.media_item_id));
            INSERT INTO watchlist_genre_counts (id, user_id, genre, count)
            SELECT infocus_new_id(), x.user_id, x.genre, x.n
            FROM (
                SELECT w.user_id, left(ge.genre, {Common.FieldLimits.Genre}) AS genre, count(*) AS n
                FROM watchlist_entries w
                JOIN media_items m ON m.id = w.media_item_id
                CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
                WHERE w.user_id IN (SELECT d.user_id FROM ({deltas}) d JOIN users u ON u.id = d.user_id
                                    WHERE NOT EXISTS (SELECT 1 FROM media_items m2 WHERE m2.id = d.media_item_id))
                GROUP BY 1, 2
            ) x;
            DELETE FROM watchlist_genre_counts g
            WHERE g.count = 0 AND g.user_id IN (SELECT user_id FROM ({deltas}) d0);

            INSERT INTO family_titles AS t (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
            SELECT infocus_new_id(), x.*
            FROM (
                SELECT fm.family_id, d.media_item_id, m.title, sum(d.sign) AS members, {StatusSums}
                FROM ({deltas}) d
                JOIN family_memberships fm ON fm.user_id = d.user_id
                JOIN families f ON f.id = fm.family_id
                JOIN media_items m ON m.id = d.media_item_id
                GROUP BY fm.family_id, d.media_item_id, m.title
            ) x
            ORDER BY x.family_id, x.media_item_id
            {FamilyTitlesUpsert};
            DELETE FROM family_titles t
            USING (SELECT DISTINCT fm.family_id, d.media_item_id FROM ({deltas}) d
                   JOIN family_memberships fm ON fm.user_id = d.user_id) p
            WHERE t.family_id = p.family_id AND t.media_item_id = p.media_item_id AND t.member_count = 0;
            RETURN NULL;
        END
        $fn$;
        """;

    /// <summary>A trigger function of <c>family_memberships</c> whose changes are <paramref name="deltas"/> (user_id, family_id, sign).</summary>
    private static string MembershipsFunction(string name, string deltas) => $"""
        CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM ({deltas}) d0) THEN
                RETURN NULL;
            END IF;

            PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
            FROM (SELECT DISTINCT user_id FROM ({deltas}) d0 ORDER BY 1) x;

            INSERT INTO family_titles AS t (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
            SELECT infocus_new_id(), x.*
            FROM (
                SELECT md.family_id, w.media_item_id, m.title, sum(md.sign) AS members,
                       sum(CASE WHEN w.status = 'not_watched' THEN md.sign ELSE 0 END),
                       sum(CASE WHEN w.status = 'watching' THEN md.sign ELSE 0 END),
                       sum(CASE WHEN w.status = 'completed' THEN md.sign ELSE 0 END)
                FROM ({deltas}) md
                JOIN families f ON f.id = md.family_id
                JOIN watchlist_entries w ON w.user_id = md.user_id
                JOIN media_items m ON m.id = w.media_item_id
                GROUP BY md.family_id, w.media_item_id, m.title
            ) x
            ORDER BY x.family_id, x.media_item_id
            {FamilyTitlesUpsert};
            DELETE FROM family_titles t
            WHERE t.member_count = 0 AND t.family_id IN (SELECT family_id FROM ({deltas}) d0);

            -- A member whose account is being deleted: the cascades to its entries and memberships fire together, so
            -- its entries may be gone already and cannot be subtracted; those families are recounted instead.
            DELETE FROM family_titles t
            WHERE t.family_id IN (SELECT d0.family_id FROM ({deltas}) d0 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d0.user_id));
            INSERT INTO family_titles (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
            SELECT infocus_new_id(), x.*
            FROM (
                SELECT fm.family_id, w.media_item_id, m.title, count(*),
                       count(*) FILTER (WHERE w.status = 'not_watched'), count(*) FILTER (WHERE w.status = 'watching'),
                       count(*) FILTER (WHERE w.status = 'completed')
                FROM family_memberships fm
                JOIN watchlist_entries w ON w.user_id = fm.user_id
                JOIN media_items m ON m.id = w.media_item_id
                WHERE fm.family_id IN (SELECT d0.family_id FROM ({deltas}) d0 WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d0.user_id))
                GROUP BY fm.family_id, w.media_item_id, m.title
            ) x
            ORDER BY x.family_id, x.media_item_id;
            RETURN NULL;
        END
        $fn$;
        """;

    /// <summary><c>media_items</c> updated: a new name reaches the family summaries, new genres the genre counts.</summary>
    private static readonly string MediaFunction = $"""
        CREATE FUNCTION infocus_summarize_media_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            UPDATE family_titles t SET title = n.title
            FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE t.media_item_id = n.id AND n.title IS DISTINCT FROM o.title;

            IF NOT EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.genres IS DISTINCT FROM o.genres) THEN
                RETURN NULL;
            END IF;

            PERFORM pg_advisory_xact_lock(hashtextextended('watchlist:' || x.user_id, 0))
            FROM (SELECT DISTINCT w.user_id FROM watchlist_entries w
                  JOIN new_rows n ON n.id = w.media_item_id JOIN old_rows o ON o.id = n.id
                  WHERE n.genres IS DISTINCT FROM o.genres ORDER BY 1) x;

            INSERT INTO watchlist_genre_counts AS g (id, user_id, genre, count)
            SELECT infocus_new_id(), x.user_id, x.genre, x.n
            FROM (
                SELECT w.user_id, left(c.genre, {Common.FieldLimits.Genre}) AS genre, sum(c.sign) AS n
                FROM (
                    SELECT n.id, ge.genre, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
                    CROSS JOIN LATERAL unnest(n.genres) AS ge(genre) WHERE n.genres IS DISTINCT FROM o.genres
                    UNION ALL
                    SELECT o.id, ge.genre, -1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
                    CROSS JOIN LATERAL unnest(o.genres) AS ge(genre) WHERE n.genres IS DISTINCT FROM o.genres
                ) c
                JOIN watchlist_entries w ON w.media_item_id = c.id
                GROUP BY 1, 2
                HAVING sum(c.sign) <> 0
            ) x
            ORDER BY x.user_id, x.genre
            ON CONFLICT (user_id, genre) DO UPDATE SET count = g.count + excluded.count;
            DELETE FROM watchlist_genre_counts g
            WHERE g.count = 0 AND g.user_id IN (SELECT w.user_id FROM watchlist_entries w JOIN new_rows n ON n.id = w.media_item_id);
            RETURN NULL;
        END
        $fn$;
        """;

    /// <summary>The summaries of the rows that exist when the migration runs.</summary>
    private static readonly string Backfill = $"""
        INSERT INTO watchlist_totals (id, total, not_watched, watching, completed, rated, rating_sum)
        SELECT w.user_id, count(*), count(*) FILTER (WHERE w.status = 'not_watched'), count(*) FILTER (WHERE w.status = 'watching'),
               count(*) FILTER (WHERE w.status = 'completed'), count(w.rating), coalesce(sum(w.rating), 0)
        FROM watchlist_entries w GROUP BY w.user_id;

        INSERT INTO watchlist_genre_counts (id, user_id, genre, count)
        SELECT infocus_new_id(), x.user_id, x.genre, x.n
        FROM (
            SELECT w.user_id, left(ge.genre, {Common.FieldLimits.Genre}) AS genre, count(*) AS n
            FROM watchlist_entries w JOIN media_items m ON m.id = w.media_item_id CROSS JOIN LATERAL unnest(m.genres) AS ge(genre)
            GROUP BY 1, 2
        ) x;

        INSERT INTO family_titles (id, family_id, media_item_id, title, member_count, not_watched_count, watching_count, completed_count)
        SELECT infocus_new_id(), x.*
        FROM (
            SELECT fm.family_id, w.media_item_id, m.title, count(*),
                   count(*) FILTER (WHERE w.status = 'not_watched'), count(*) FILTER (WHERE w.status = 'watching'),
                   count(*) FILTER (WHERE w.status = 'completed')
            FROM family_memberships fm JOIN watchlist_entries w ON w.user_id = fm.user_id JOIN media_items m ON m.id = w.media_item_id
            GROUP BY fm.family_id, w.media_item_id, m.title
        ) x;
        """;
}
