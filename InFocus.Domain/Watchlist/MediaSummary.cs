using System.Linq.Expressions;
using InFocus.Domain.Media;

namespace InFocus.Domain.Watchlist;

/// <summary>The title embedded in watchlist entries and recommendations: enough to show it in a list.</summary>
public sealed record MediaSummary(
    string Id,
    int TmdbId,
    MediaType Type,
    string Title,
    string? PosterPath,
    DateOnly? ReleaseDate,
    IReadOnlyList<string> Genres)
{
    /// <summary>The summary's columns, selected in SQL (compose it into larger projections).</summary>
    internal static readonly Expression<Func<MediaItem, MediaSummary>> Projection = m =>
        new MediaSummary(m.Id, m.TmdbId, m.TmdbType, m.Title, m.PosterPath, m.ReleaseDate, m.Genres);
}
