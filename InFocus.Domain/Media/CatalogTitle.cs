using InFocus.Domain.Common;
using InFocus.Domain.Media.Tmdb;

namespace InFocus.Domain.Media;

/// <summary>What InFocus stores of a TMDB title, cleaned and cut to the columns' limits.</summary>
internal sealed record CatalogTitle(
    string Title,
    string? Description,
    string? PosterPath,
    string? BackdropPath,
    DateOnly? ReleaseDate,
    decimal? Rating,
    List<string> Genres,
    List<string> Creators,
    int? Runtime,
    decimal? Popularity)
{
    private const int MaxGenres = 20;
    private const int MaxCreators = 20;

    /// <summary>Null when TMDB sent a title without a name (nothing sensible to store).</summary>
    public static CatalogTitle? From(TmdbTitleDetails details, MediaType type)
    {
        var title = TmdbValues.Text(type == MediaType.Movie ? details.Title : details.Name, FieldLimits.MediaTitle);
        if (title is null)
        {
            return null;
        }

        var creators = type == MediaType.Movie
            ? (details.Credits?.Crew ?? []).Where(c => c.Job == "Director").Select(c => c.Name)
            : (details.CreatedBy ?? []).Select(c => c.Name);
        return new CatalogTitle(
            title,
            TmdbValues.Text(details.Overview, FieldLimits.MediaDescription),
            TmdbValues.ImagePath(details.PosterPath),
            TmdbValues.ImagePath(details.BackdropPath),
            TmdbValues.Date(type == MediaType.Movie ? details.ReleaseDate : details.FirstAirDate),
            TmdbValues.Rating(details.VoteAverage, details.VoteCount),
            TmdbValues.Names((details.Genres ?? []).Select(g => g.Name), FieldLimits.Genre, MaxGenres),
            TmdbValues.Names(creators, FieldLimits.PersonCredit, MaxCreators),
            TmdbValues.Runtime(type == MediaType.Movie ? details.Runtime : details.EpisodeRunTime?.FirstOrDefault(r => r > 0)),
            TmdbValues.Popularity(details.Popularity));
    }
}
