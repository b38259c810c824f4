using System.Linq.Expressions;
using InFocus.Domain.Common;
using InFocus.Domain.Media;

namespace InFocus.Domain.Watchlist;

/// <summary>An entry with its title's columns, read in one query; becomes its response with <see cref="ToResponse"/>.</summary>
internal sealed record WatchlistEntryRow(WatchlistEntry Entry, TitleRow Title)
{
    public static readonly Expression<Func<WatchlistEntry, WatchlistEntryRow>> Projection =
        ProjectionComposition.Compose((WatchlistEntry e) => e.MediaItem!, TitleRow.Projection, (e, title) => new WatchlistEntryRow(e, title));

    public WatchlistEntryResponse ToResponse(MediaImages images, IReadOnlyList<AvailableOffer>? availableOn = null) => new(
        Entry.Id, Entry.Status, Entry.Rating, Entry.Notes, Entry.DateAdded, Entry.DateUpdated, EntityTag.From(Entry.Version), Title.ToSummary(images), availableOn);
}
