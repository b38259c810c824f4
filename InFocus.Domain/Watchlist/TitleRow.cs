using System.Linq.Expressions;
using InFocus.Domain.Media;

namespace InFocus.Domain.Watchlist;

/// <summary>
/// The columns of a title that <see cref="MediaSummary"/> shows, as read in SQL (compose <see cref="Projection"/> into
/// larger projections); image URLs are made from the stored paths after reading.
/// </summary>
internal sealed record TitleRow(
    string Id,
    int TmdbId,
    MediaType Type,
    string Title,
    string? PosterPath,
    DateOnly? ReleaseDate,
    List<string> Genres)
{
    public static readonly Expression<Func<MediaItem, TitleRow>> Projection = m =>
        new TitleRow(m.Id, m.TmdbId, m.TmdbType, m.Title, m.PosterPath, m.ReleaseDate, m.Genres);

    public MediaSummary ToSummary(MediaImages images) =>
        new(Id, TmdbId, Type, Title, images.Poster(PosterPath), ReleaseDate, Genres);
}
