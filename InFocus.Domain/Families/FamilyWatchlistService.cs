using System.Text.Json;
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
/// lists), then by title. One SQL statement after the membership check, whatever the family's size: the grouping,
/// the per-member details (as JSON) and the keyset page are all done by PostgreSQL.
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

        var rows = await db.Database.SqlQuery<string>($"""
            SELECT json_build_object(
                       'media', json_build_object(
                           'id', m.id, 'tmdbId', m.tmdb_id, 'type', m.tmdb_type, 'title', m.title,
                           'posterPath', m.poster_path, 'releaseDate', m.release_date, 'genres', m.genres),
                       'memberCount', t.member_count, 'members', t.members)::text AS "Value"
            FROM (
                SELECT w.media_item_id,
                       count(*) AS member_count,
                       json_agg(json_build_object('userId', u.id, 'name', u.name, 'status', w.status, 'rating', w.rating)
                                ORDER BY u.name, u.id) AS members
                FROM family_memberships fm
                JOIN watchlist_entries w ON w.user_id = fm.user_id
                JOIN users u ON u.id = fm.user_id
                WHERE fm.family_id = {familyId}
                  AND ({Text(statusName)} IS NULL OR w.status = {Text(statusName)})
                GROUP BY w.media_item_id
            ) t
            JOIN media_items m ON m.id = t.media_item_id
            WHERE {Integer(after?.MemberCount)} IS NULL
               OR t.member_count < {Integer(after?.MemberCount)}
               OR (t.member_count = {Integer(after?.MemberCount)} AND (m.title, m.id) > ({Text(after?.Title)}, {Text(after?.Id)}))
            ORDER BY t.member_count DESC, m.title, m.id
            LIMIT {page.Limit + 1}
            """).ToListAsync(cancellationToken);

        var items = rows
            .Select(row => JsonSerializer.Deserialize<Row>(row, InFocusJson.Options)!)
            .Select(row => new FamilyWatchlistItem(row.Media.ToSummary(images), row.MemberCount, row.Members))
            .ToList();
        return PageCursor.ToPage(items, page.Limit, CursorKind, i => new Position(i.MemberCount, i.Media.Title, i.Media.Id));
    }

    // Typed parameters: PostgreSQL cannot infer the type of a bare NULL compared with IS NULL.
    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Integer(int? value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)value ?? DBNull.Value };

    private sealed record Position(int MemberCount, string Title, string Id);

    private sealed record Row(TitleRow Media, int MemberCount, IReadOnlyList<FamilyWatchlistEntry> Members);
}
