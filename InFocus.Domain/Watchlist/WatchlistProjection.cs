using System.Linq.Expressions;
using InFocus.Domain.Common;

namespace InFocus.Domain.Watchlist;

/// <summary>How an entry becomes its response: in SQL (entry and title summary in one query) or from loaded parts.</summary>
internal static class WatchlistProjection
{
    public static readonly Expression<Func<WatchlistEntry, WatchlistEntryResponse>> Response =
        ProjectionComposition.Compose((WatchlistEntry e) => e.MediaItem!, MediaSummary.Projection, (e, media) => ToResponse(e, media));

    public static WatchlistEntryResponse ToResponse(WatchlistEntry entry, MediaSummary media) => new(
        entry.Id, entry.Status, entry.Rating, entry.Notes, entry.DateAdded, entry.DateUpdated, EntityTag.From(entry.Version), media);
}
