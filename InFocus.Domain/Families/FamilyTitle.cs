using InFocus.Domain.Common;

namespace InFocus.Domain.Families;

/// <summary>
/// One title of a family's shared watchlist, summarized: how many members have it, in all and per status, and the
/// title's name for the order. Kept current by PostgreSQL triggers on <c>watchlist_entries</c>,
/// <c>family_memberships</c> and <c>media_items</c> in the same transaction as every write (see
/// <c>Data/Migrations/PerformanceSummariesSql.cs</c>), so a page of the shared watchlist is a keyset range of this
/// table, whatever the size of the members' lists. The application only reads it.
/// </summary>
public sealed class FamilyTitle : Entity
{
    public required string FamilyId { get; init; }

    public required string MediaItemId { get; init; }

    /// <summary>The title's name (<c>media_items.title</c>), the order within one member count.</summary>
    public required string Title { get; init; }

    public int MemberCount { get; init; }

    public int NotWatchedCount { get; init; }

    public int WatchingCount { get; init; }

    public int CompletedCount { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
