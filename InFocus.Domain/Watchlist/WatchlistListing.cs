using System.Linq.Expressions;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Watchlist;

/// <summary>
/// <c>GET /api/watchlist</c>: the caller's entries with their titles, one SQL statement per page whatever its size.
/// Keyset pagination over (sort key, id): each page continues strictly after the position where the previous page
/// ended, as the values were when that page was read, so entries added or changed between pages never repeat or
/// shift the rest; an entry whose sort key changed meanwhile shows up at its new position (or not at all, if that is
/// on a page already read).
/// </summary>
public sealed class WatchlistListing(InFocusDbContext db, MediaImages images)
{
    // Unrated entries come last in both directions: their key is below every rating when descending, above when ascending.
    private const int UnratedDescending = WatchlistService.MinRating - 1;
    private const int UnratedAscending = WatchlistService.MaxRating + 1;

    public async Task<Page<WatchlistEntryResponse>> ListAsync(CurrentUser user, WatchlistQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var status = SnakeCaseEnum<WatchStatus>.ParseOptional("status", query.Status, validation);
        var sort = SnakeCaseEnum<WatchlistSort>.ParseOptional("sort", query.Sort, validation) ?? WatchlistSort.Added;
        var order = SnakeCaseEnum<SortOrder>.ParseOptional("order", query.Order, validation)
            ?? (sort == WatchlistSort.Title ? SortOrder.Asc : SortOrder.Desc);
        validation.ThrowIfInvalid();

        var entries = db.WatchlistEntries.AsNoTracking().Where(e => e.UserId == user.UserId);
        if (status is { } wanted)
        {
            entries = entries.Where(e => e.Status == wanted);
        }

        var list = new Listing(entries, order == SortOrder.Desc, Kind(sort, order, status), page);
        var rows = sort switch
        {
            WatchlistSort.Added => list.ReadAsync(e => e.DateAdded, r => r.Entry.DateAdded, cancellationToken),
            WatchlistSort.Updated => list.ReadAsync(e => e.DateUpdated, r => r.Entry.DateUpdated, cancellationToken),
            WatchlistSort.Title => list.ReadAsync(e => e.MediaItem!.Title, r => r.Title.Title, cancellationToken),
            _ when list.Descending => list.ReadAsync(e => e.Rating ?? UnratedDescending, r => r.Entry.Rating ?? UnratedDescending, cancellationToken),
            _ => list.ReadAsync(e => e.Rating ?? UnratedAscending, r => r.Entry.Rating ?? UnratedAscending, cancellationToken),
        };
        return (await rows).Map(row => row.ToResponse(images));
    }

    /// <summary>The cursor's list: a cursor of one sort, order or filter cannot be replayed against another.</summary>
    private static string Kind(WatchlistSort sort, SortOrder order, WatchStatus? status) =>
        $"watchlist:{SnakeCaseEnum<WatchlistSort>.ToName(sort)}:{SnakeCaseEnum<SortOrder>.ToName(order)}:{(status is { } s ? SnakeCaseEnum<WatchStatus>.ToName(s) : "all")}";

    private sealed record Listing(IQueryable<WatchlistEntry> Entries, bool Descending, string Kind, PageRequest Page)
    {
        /// <param name="key">The sort key in SQL.</param>
        /// <param name="keyOf">The same key read from a row, for the next page's cursor.</param>
        public async Task<Page<WatchlistEntryRow>> ReadAsync<TKey>(
            Expression<Func<WatchlistEntry, TKey>> key,
            Func<WatchlistEntryRow, TKey> keyOf,
            CancellationToken cancellationToken)
        {
            var rows = await Entries
                .OrderByKeyset(key, e => e.Id, Descending, Keyset.After<TKey>(Kind, Page.Cursor))
                .Take(Page.Limit + 1)
                .Select(WatchlistEntryRow.Projection)
                .ToListAsync(cancellationToken);
            return Keyset.ToPage(rows, Page.Limit, Kind, keyOf, r => r.Entry.Id);
        }
    }
}
