using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace InFocus.Domain.Families;

/// <summary>
/// The family's shared watchlist: every title on any member's watchlist, most-wanted first (on more members'
/// lists), then by title. Two statements whatever the size of the family or of its members' lists: the membership
/// check, then one query that reads a keyset range of the family's title summary (<see cref="FamilyTitle"/>, kept
/// current by triggers in the same transaction as every watchlist and membership write) and, for the page's titles
/// only, the members' entries (as arrays; the members and their names are read once per page, not once per title). The
/// range is an index scan of at most a page and one row: with a cursor it is two ranges (the rest of the cursor's
/// member count by title, then the lower counts), each on the index of the count.
/// </summary>
public sealed class FamilyWatchlistService(InFocusDbContext db, MediaImages images)
{
    private const string CursorKind = "family-watchlist";

    /// <param name="status">When given, only entries with this status count: <c>not_watched</c> lists the titles
    /// members still want to see, ranked by how many of them do.</param>
    public async Task<Page<FamilyWatchlistItem>> ListAsync(
        CurrentUser user, string familyId, WatchStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        await FamilyAccess.RoleAsync(db, user.UserId, familyId, cancellationToken);
        var after = page.Cursor is { } cursor ? PageCursor.Decode<Position>(CursorKind, cursor) : null;
        var statusName = status is { } s ? SnakeCaseEnum<WatchStatus>.ToName(s) : null;
        // The column is one of four names chosen here, never input.
        var count = status switch
        {
            WatchStatus.NotWatched => "not_watched_count",
            WatchStatus.Watching => "watching_count",
            WatchStatus.Completed => "completed_count",
            _ => "member_count",
        };
        var range = after is null
            ? $"""
              SELECT t.media_item_id, t.{count} AS member_count, t.title FROM family_titles t
              WHERE t.family_id = @family AND t.{count} > 0
              ORDER BY t.{count} DESC, t.title, t.media_item_id LIMIT @take
              """
            : $"""
              (SELECT t.media_item_id, t.{count} AS member_count, t.title FROM family_titles t
               WHERE t.family_id = @family AND t.{count} = @after_count AND (t.title, t.media_item_id) > (@after_title, @after_id)
               ORDER BY t.title, t.media_item_id LIMIT @take)
              UNION ALL
              (SELECT t.media_item_id, t.{count} AS member_count, t.title FROM family_titles t
               WHERE t.family_id = @family AND t.{count} < @after_count AND t.{count} > 0
               ORDER BY t.{count} DESC, t.title, t.media_item_id LIMIT @take)
              """;

        var sql = $"""
            WITH page AS (
                SELECT * FROM ({range}) r ORDER BY r.member_count DESC, r.title, r.media_item_id LIMIT @take
            ), members AS MATERIALIZED (
                SELECT fm.user_id, u.name FROM family_memberships fm JOIN users u ON u.id = fm.user_id WHERE fm.family_id = @family
            )
            SELECT m.id, m.tmdb_id, m.tmdb_type, m.title, m.poster_path, m.release_date, m.genres, p.member_count,
                   e.member_ids, e.member_names, e.member_statuses, e.member_ratings
            FROM page p
            JOIN media_items m ON m.id = p.media_item_id
            CROSS JOIN LATERAL (
                SELECT array_agg(mb.user_id ORDER BY mb.name, mb.user_id) AS member_ids,
                       array_agg(mb.name ORDER BY mb.name, mb.user_id) AS member_names,
                       array_agg(w.status ORDER BY mb.name, mb.user_id) AS member_statuses,
                       array_agg(w.rating ORDER BY mb.name, mb.user_id) AS member_ratings
                FROM members mb
                JOIN watchlist_entries w ON w.user_id = mb.user_id AND w.media_item_id = p.media_item_id
                WHERE @status::text IS NULL OR w.status = @status::text) e
            ORDER BY p.member_count DESC, p.title, p.media_item_id
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(
            sql,
            new NpgsqlParameter("family", NpgsqlDbType.Text) { Value = familyId },
            Text("status", statusName),
            new NpgsqlParameter("take", NpgsqlDbType.Integer) { Value = page.Limit + 1 },
            new NpgsqlParameter("after_count", NpgsqlDbType.Integer) { Value = (object?)after?.MemberCount ?? DBNull.Value },
            Text("after_title", after?.Title),
            Text("after_id", after?.Id)).ToListAsync(cancellationToken);

        var items = rows.ConvertAll(row => row.ToItem(images));
        return PageCursor.ToPage(items, page.Limit, CursorKind, i => new Position(i.MemberCount, i.Media.Title, i.Media.Id));
    }

    // Typed parameters: PostgreSQL cannot infer the type of a bare NULL compared with IS NULL.
    private static NpgsqlParameter Text(string name, string? value) => new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private sealed record Position(int MemberCount, string Title, string Id);

    /// <summary>A page row: the title's columns, the count, and the members' entries as parallel arrays in the members' order.</summary>
    private sealed record Row(
        string Id,
        int TmdbId,
        string TmdbType,
        string Title,
        string? PosterPath,
        DateOnly? ReleaseDate,
        List<string> Genres,
        int MemberCount,
        string[] MemberIds,
        string[] MemberNames,
        string[] MemberStatuses,
        int?[] MemberRatings)
    {
        public FamilyWatchlistItem ToItem(MediaImages images)
        {
            var members = new FamilyWatchlistEntry[MemberIds.Length];
            for (var i = 0; i < members.Length; i++)
            {
                members[i] = new FamilyWatchlistEntry(MemberIds[i], MemberNames[i], SnakeCaseEnum<WatchStatus>.FromName(MemberStatuses[i]), MemberRatings[i]);
            }

            var title = new TitleRow(Id, TmdbId, SnakeCaseEnum<MediaType>.FromName(TmdbType), Title, PosterPath, ReleaseDate, Genres);
            return new FamilyWatchlistItem(title.ToSummary(images), MemberCount, members);
        }
    }
}
