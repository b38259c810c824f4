using System.Globalization;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Media;

/// <summary>Title search on TMDB, with each hit linked to its catalog row when InFocus already has it.</summary>
public sealed class MediaSearch(InFocusDbContext db, TmdbClient tmdb, MediaImages images)
{
    /// <summary>TMDB serves at most 500 pages of results.</summary>
    public const int MaxPage = 500;

    public async Task<MediaSearchResponse> SearchAsync(MediaSearchRequest request, CancellationToken cancellationToken)
    {
        var (query, type, pageNumber) = Validate(request);
        var page = await tmdb.SearchAsync(type, query, pageNumber, cancellationToken);
        var hits = (page.Results ?? [])
            .Select(r => (Result: r, Type: TypeOf(r, type)))
            .Where(h => h.Type is not null && h.Result.Id > 0)
            .Select(h => (h.Result, Type: h.Type!.Value))
            .ToList();
        var known = await CatalogIdsAsync(hits.Select(h => (h.Result.Id, h.Type)).ToList(), cancellationToken);

        var items = hits
            .Select(h => ToItem(h.Result, h.Type, known.GetValueOrDefault((h.Result.Id, h.Type))))
            .OfType<MediaSearchItem>()
            .ToList();
        // TMDB may count more pages than it serves; only the first 500 can be asked for.
        return new MediaSearchResponse(items, page.Page, Math.Min(page.TotalPages, MaxPage), page.TotalResults);
    }

    private static (string Query, MediaSearchType Type, int Page) Validate(MediaSearchRequest request)
    {
        var validation = new Validation();
        var query = request.Query?.Trim();
        validation.Required("query", query, FieldLimits.SearchQuery);

        var type = MediaSearchType.All;
        if (!string.IsNullOrEmpty(request.Type) && !SnakeCaseEnum<MediaSearchType>.TryParse(request.Type, out type))
        {
            validation.Add("type", $"must be one of: {string.Join(", ", SnakeCaseEnum<MediaSearchType>.AllNames)}.");
        }

        var page = 1;
        if (!string.IsNullOrEmpty(request.Page)
            && (!int.TryParse(request.Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage))
        {
            validation.Add("page", $"must be an integer between 1 and {MaxPage}.");
        }

        validation.ThrowIfInvalid();
        return (query!, type, page);
    }

    /// <summary>Movie or show; null for people (and anything else TMDB may add to multi-search).</summary>
    private static MediaType? TypeOf(TmdbSearchResult result, MediaSearchType searched) => searched switch
    {
        MediaSearchType.Movie => MediaType.Movie,
        MediaSearchType.Tv => MediaType.Tv,
        _ => result.MediaType switch
        {
            "movie" => MediaType.Movie,
            "tv" => MediaType.Tv,
            _ => null,
        },
    };

    /// <summary>The catalog ids of the titles among <paramref name="titles"/> that InFocus has, in one query.</summary>
    private async Task<Dictionary<(int, MediaType), string>> CatalogIdsAsync(
        IReadOnlyList<(int TmdbId, MediaType Type)> titles, CancellationToken cancellationToken)
    {
        if (titles.Count == 0)
        {
            return [];
        }

        var movies = titles.Where(t => t.Type == MediaType.Movie).Select(t => t.TmdbId).ToList();
        var shows = titles.Where(t => t.Type == MediaType.Tv).Select(t => t.TmdbId).ToList();
        var rows = await db.MediaItems
            .Where(m => (m.TmdbType == MediaType.Movie && movies.Contains(m.TmdbId)) || (m.TmdbType == MediaType.Tv && shows.Contains(m.TmdbId)))
            .Select(m => new { m.TmdbId, m.TmdbType, m.Id })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => (r.TmdbId, r.TmdbType), r => r.Id);
    }

    private MediaSearchItem? ToItem(TmdbSearchResult result, MediaType type, string? mediaItemId)
    {
        var title = TmdbValues.Text(type == MediaType.Movie ? result.Title : result.Name, FieldLimits.MediaTitle);
        if (title is null)
        {
            return null;
        }

        var date = TmdbValues.Date(type == MediaType.Movie ? result.ReleaseDate : result.FirstAirDate);
        return new MediaSearchItem(
            result.Id,
            type,
            title,
            date?.Year,
            TmdbValues.Text(result.Overview, FieldLimits.MediaDescription),
            images.Poster(TmdbValues.ImagePath(result.PosterPath)),
            mediaItemId);
    }
}
