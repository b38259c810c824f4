using System.Collections.Concurrent;
using System.Linq.Expressions;
using InFocus.Domain.Accounts;
using InFocus.Domain.Availability;
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
        var available = SnakeCaseEnum<AvailabilityFilter>.ParseOptional("available", query.Available, validation);
        var offers = OfferFilter.Parse(query.Offer, validation);
        if (available is null && query.Offer is not null)
        {
            validation.Add("offer", "filters by availability: use it with available=mine or available=any.");
        }

        validation.ThrowIfInvalid();

        var kind = Kind(sort, order, status);
        AvailabilityScope? where = null;
        IQueryable<WatchlistEntry>? filtered = null;
        if (available is { } filter)
        {
            where = await AvailabilityAsync(user, filter, offers, cancellationToken);
            kind = $"{kind}:{SnakeCaseEnum<AvailabilityFilter>.ToName(filter)}:{OfferFilter.KindOf(offers)}";
            filtered = db.WatchlistEntries.AsNoTracking().Where(e => e.UserId == user.UserId);
            if (status is { } wanted)
            {
                filtered = filtered.Where(e => e.Status == wanted);
            }

            filtered = filtered.Where(e => where.Offers(db).Any(sp => sp.MediaItemId == e.MediaItemId));
        }

        var list = new Listing(db, user.UserId, status, filtered, sort, order == SortOrder.Desc, kind, page);
        var rows = sort switch
        {
            WatchlistSort.Added => list.ReadAsync(e => e.DateAdded, r => r.Entry.DateAdded, cancellationToken),
            WatchlistSort.Updated => list.ReadAsync(e => e.DateUpdated, r => r.Entry.DateUpdated, cancellationToken),
            WatchlistSort.Title => list.ReadAsync(e => e.MediaItem!.Title, r => r.Title.Title, cancellationToken),
            _ when list.Descending => list.ReadAsync(e => e.Rating ?? UnratedDescending, r => r.Entry.Rating ?? UnratedDescending, cancellationToken),
            _ => list.ReadAsync(e => e.Rating ?? UnratedAscending, r => r.Entry.Rating ?? UnratedAscending, cancellationToken),
        };
        var result = await rows;
        if (where is null)
        {
            return result.Map(row => row.ToResponse(images));
        }

        var titleIds = result.Items.Select(r => r.Title.Id).ToList();
        var offersByTitle = (await where.Offers(db)
                .Where(sp => titleIds.Contains(sp.MediaItemId))
                .OrderBy(sp => sp.Provider).ThenBy(sp => sp.TmdbProviderId).ThenBy(sp => sp.OfferType)
                .Select(sp => new { sp.MediaItemId, sp.TmdbProviderId, sp.Provider, sp.OfferType, sp.LogoPath })
                .ToListAsync(cancellationToken))
            .ToLookup(o => o.MediaItemId, o => new AvailableOffer(o.TmdbProviderId, o.Provider, o.OfferType, images.Logo(o.LogoPath)));
        return result.Map(row => row.ToResponse(images, offersByTitle[row.Title.Id].ToList()));
    }

    /// <summary>The caller's region and services; a caller without a region cannot filter by availability.</summary>
    private async Task<AvailabilityScope> AvailabilityAsync(
        CurrentUser user, AvailabilityFilter filter, List<StreamingOfferType> offers, CancellationToken cancellationToken)
    {
        var me = await db.Users
            .Where(u => u.Id == user.UserId)
            .Select(u => new { u.Region, Services = db.Subscriptions.Where(s => s.UserId == u.Id).Select(s => s.TmdbProviderId).ToList() })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("User");
        return me.Region is { } region
            ? new AvailabilityScope(region, offers, filter == AvailabilityFilter.Mine ? me.Services : null)
            : throw ValidationException.For("available", "needs your region: set it (and your services) with PUT /api/me/services.");
    }

    /// <summary>Offers of the listed types in the region, on the given services (or on any when null).</summary>
    private sealed record AvailabilityScope(string Region, List<StreamingOfferType> OfferTypes, List<int>? Services)
    {
        public IQueryable<StreamingProvider> Offers(InFocusDbContext db)
        {
            var offers = db.StreamingProviders.Where(sp => sp.Regions.Contains(Region) && OfferTypes.Contains(sp.OfferType));
            return Services is null ? offers : offers.Where(sp => Services.Contains(sp.TmdbProviderId));
        }
    }

    /// <summary>The cursor's list: a cursor of one sort, order or filter cannot be replayed against another.</summary>
    private static string Kind(WatchlistSort sort, SortOrder order, WatchStatus? status) =>
        $"watchlist:{SnakeCaseEnum<WatchlistSort>.ToName(sort)}:{SnakeCaseEnum<SortOrder>.ToName(order)}:{(status is { } s ? SnakeCaseEnum<WatchStatus>.ToName(s) : "all")}";

    /// <summary>
    /// A page in keyset order: through the compiled query of its shape, or, with an availability filter, composed
    /// around <paramref name="Filtered"/> (the caller's entries on offer to them).
    /// </summary>
    private sealed record Listing(
        InFocusDbContext Db, string UserId, WatchStatus? Status, IQueryable<WatchlistEntry>? Filtered, WatchlistSort Sort, bool Descending, string Kind, PageRequest Page)
    {
        /// <param name="key">The sort key in SQL.</param>
        /// <param name="keyOf">The same key read from a row, for the next page's cursor.</param>
        public async Task<Page<WatchlistEntryRow>> ReadAsync<TKey>(
            Expression<Func<WatchlistEntry, TKey>> key,
            Func<WatchlistEntryRow, TKey> keyOf,
            CancellationToken cancellationToken)
        {
            var after = Keyset.After<TKey>(Kind, Page.Cursor);
            var rows = Filtered is null
                ? await CompiledPage<TKey>.For(Sort, Descending, Status is not null, after is not null, key)
                    (Db, UserId, Status.GetValueOrDefault(), after is null ? default! : after.Key, after?.Id ?? "", Page.Limit + 1).ToListAsync(cancellationToken)
                : await Filtered
                    .OrderByKeyset(key, e => e.Id, Descending, after)
                    .Take(Page.Limit + 1)
                    .Select(WatchlistEntryRow.Projection)
                    .ToListAsync(cancellationToken);
            return Keyset.ToPage(rows, Page.Limit, Kind, keyOf, r => r.Entry.Id);
        }
    }

    /// <summary>
    /// The list's queries without an availability filter, compiled once per shape (sort, order, with a status or not,
    /// first page or not) on first use: a request then neither composes the LINQ query nor looks it up in EF's query
    /// cache, about 15% of the host's CPU for a page of 50 and a fifth at one row (docs/performance.md, "Light reads:
    /// the per-request path").
    /// </summary>
    private static class CompiledPage<TKey>
    {
        private static readonly Expression<Func<InFocusDbContext, IQueryable<WatchlistEntry>>> AllEntries = db => db.WatchlistEntries.AsNoTracking();
        private static readonly Expression<Func<WatchlistEntry, string, bool>> OfUser = (e, userId) => e.UserId == userId;
        private static readonly Expression<Func<WatchlistEntry, WatchStatus, bool>> WithStatus = (e, status) => e.Status == status;

        private static readonly ConcurrentDictionary<(WatchlistSort, bool, bool, bool), Func<InFocusDbContext, string, WatchStatus, TKey, string, int, IAsyncEnumerable<WatchlistEntryRow>>> Queries = new();

        public static Func<InFocusDbContext, string, WatchStatus, TKey, string, int, IAsyncEnumerable<WatchlistEntryRow>> For(
            WatchlistSort sort, bool descending, bool byStatus, bool afterCursor, Expression<Func<WatchlistEntry, TKey>> key) =>
            Queries.GetOrAdd((sort, descending, byStatus, afterCursor), static (shape, key) => Compile(key, shape.Item2, shape.Item3, shape.Item4), key);

        /// <summary>The query a filtered page composes, over the compiled query's parameters instead of values.</summary>
        private static Func<InFocusDbContext, string, WatchStatus, TKey, string, int, IAsyncEnumerable<WatchlistEntryRow>> Compile(
            Expression<Func<WatchlistEntry, TKey>> key, bool descending, bool byStatus, bool afterCursor)
        {
            var db = Expression.Parameter(typeof(InFocusDbContext), "db");
            var userId = Expression.Parameter(typeof(string), "userId");
            var status = Expression.Parameter(typeof(WatchStatus), "status");
            var afterKey = Expression.Parameter(typeof(TKey), "afterKey");
            var afterId = Expression.Parameter(typeof(string), "afterId");
            var take = Expression.Parameter(typeof(int), "take");
            IQueryable<WatchlistEntry> entries = new EnumerableQuery<WatchlistEntry>(ParameterSubstitution.Replace(AllEntries, db));
            entries = entries.Where(Bind(OfUser, userId));
            if (byStatus)
            {
                entries = entries.Where(Bind(WithStatus, status));
            }

            var ordered = entries.OrderByKeyset(key, e => e.Id, descending, afterCursor ? (afterKey, afterId) : null);
            var page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(WatchlistEntry)], ordered.Expression, take);
            var rows = Expression.Call(
                typeof(Queryable), nameof(Queryable.Select), [typeof(WatchlistEntry), typeof(WatchlistEntryRow)], page, Expression.Quote(WatchlistEntryRow.Projection));
            return EF.CompileAsyncQuery(
                Expression.Lambda<Func<InFocusDbContext, string, WatchStatus, TKey, string, int, IQueryable<WatchlistEntryRow>>>(rows, db, userId, status, afterKey, afterId, take));
        }

        /// <summary><paramref name="predicate"/> with its second parameter bound to <paramref name="value"/>.</summary>
        private static Expression<Func<WatchlistEntry, bool>> Bind<TValue>(Expression<Func<WatchlistEntry, TValue, bool>> predicate, Expression value) =>
            Expression.Lambda<Func<WatchlistEntry, bool>>(
                new ParameterSubstitution(new() { [predicate.Parameters[1]] = value }).Visit(predicate.Body), predicate.Parameters[0]);
    }
}
