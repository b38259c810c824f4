using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media.Tmdb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Media;

/// <summary>
/// The catalog of titles imported from TMDB. Other features put titles in it with <see cref="EnsureAsync"/> (or
/// <see cref="ImportAsync(int, MediaType, CancellationToken)"/> to refresh them) and refer to them by
/// <see cref="MediaItem"/> id.
/// </summary>
public sealed partial class MediaCatalog(
    InFocusDbContext db,
    TmdbClient tmdb,
    MediaImages images,
    ShowSeasons seasons,
    TimeProvider clock,
    ILogger<MediaCatalog> logger)
{
    /// <summary>
    /// Imports the title from TMDB, or refreshes it when it is already stored; one row per TMDB id and type however
    /// many callers import it at once. TMDB's 404 is a <see cref="NotFoundException"/>, TMDB being unavailable a
    /// <see cref="DependencyUnavailableException"/>.
    /// </summary>
    public async Task<MediaImportResult> ImportAsync(int tmdbId, MediaType type, CancellationToken cancellationToken)
    {
        RequirePositive(tmdbId);
        var details = await tmdb.GetDetailsAsync(type, tmdbId, cancellationToken);
        var title = CatalogTitle.From(details, type);
        if (title is null)
        {
            LogUntitled(logger, SnakeCaseEnum<MediaType>.ToName(type), tmdbId);
            throw new DependencyUnavailableException("TMDB returned this title without a name; try again later.");
        }

        var offers = ProviderOffer.From(details.WatchProviders);
        var result = await CatalogWriter.UpsertTitleAsync(db, tmdbId, type, title, offers, clock.GetUtcNow(), cancellationToken);
        LogImported(logger, SnakeCaseEnum<MediaType>.ToName(type), tmdbId, result.MediaItemId, result.Created, offers.Count);
        if (type == MediaType.Tv)
        {
            await StoreSeasonsAsync(result.MediaItemId, tmdbId, details, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// A show's seasons come with it; when TMDB fails for one of them the show is still imported, and the
    /// <c>RefreshShowSeasons</c> job stores its seasons later (they have never been refreshed).
    /// </summary>
    private async Task StoreSeasonsAsync(string mediaItemId, int tmdbId, Tmdb.TmdbTitleDetails details, CancellationToken cancellationToken)
    {
        try
        {
            await seasons.RefreshAsync(mediaItemId, tmdbId, details, cancellationToken);
        }
        catch (Exception e) when (e is DependencyUnavailableException or NotFoundException)
        {
            LogSeasonsDeferred(logger, tmdbId, e.Message);
        }
    }

    /// <summary>
    /// The title's catalog id, importing it from TMDB only when it is not stored yet (so TMDB being down does not
    /// affect titles already in the catalog).
    /// </summary>
    public async Task<MediaImportResult> EnsureAsync(int tmdbId, MediaType type, CancellationToken cancellationToken)
    {
        RequirePositive(tmdbId);
        var existing = await db.MediaItems
            .Where(m => m.TmdbId == tmdbId && m.TmdbType == type)
            .Select(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return existing is null ? await ImportAsync(tmdbId, type, cancellationToken) : new MediaImportResult(existing, Created: false);
    }

    /// <summary><c>POST /api/media</c>: validates the body, imports or refreshes the title and returns it.</summary>
    public async Task<ImportedMedia> ImportAsync(ImportMediaRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.TmdbId is null)
        {
            validation.Add("tmdbId", "is required.");
        }
        else if (request.TmdbId <= 0)
        {
            validation.Add("tmdbId", "must be a positive integer.");
        }

        MediaType? type = null;
        if (string.IsNullOrEmpty(request.Type))
        {
            validation.Add("type", "is required.");
        }
        else if (SnakeCaseEnum<MediaType>.TryParse(request.Type, out var parsed))
        {
            type = parsed;
        }
        else
        {
            validation.Add("type", $"must be one of: {string.Join(", ", SnakeCaseEnum<MediaType>.AllNames)}.");
        }

        validation.ThrowIfInvalid();
        var result = await ImportAsync(request.TmdbId!.Value, type!.Value, cancellationToken);
        return new ImportedMedia(result.Created, await GetAsync(result.MediaItemId, region: null, cancellationToken));
    }

    /// <summary>A stored title with its providers, those of <paramref name="region"/> only when given. One query.</summary>
    public async Task<MediaItemResponse> GetAsync(string? id, string? region, CancellationToken cancellationToken)
    {
        var filter = Regions.ParseOptional("region", region);
        if (!Cuid.IsValid(id))
        {
            throw new NotFoundException("The title");
        }

        var item = await db.MediaItems
            .AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new
            {
                Item = m,
                Providers = m.StreamingProviders.Where(p => filter == null || p.Regions.Contains(filter)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The title");

        var providers = item.Providers
            .OrderBy(p => p.OfferType)
            .ThenBy(p => p.Provider, StringComparer.OrdinalIgnoreCase)
            .Select(p => ToResponse(p, filter))
            .ToList();
        var m = item.Item;
        return new MediaItemResponse(
            m.Id, m.TmdbId, m.TmdbType, m.Title, m.Description, images.Poster(m.PosterPath), images.Backdrop(m.BackdropPath),
            m.ReleaseDate, m.Rating, m.Genres, m.Creators, providers, m.ProvidersRefreshedAt, m.CreatedAt, m.UpdatedAt);
    }

    /// <summary>
    /// A title's providers, those of <paramref name="region"/> only when given, by name; keyset-paged. One query,
    /// plus one to tell an unknown title from an empty page.
    /// </summary>
    public async Task<Page<StreamingProviderResponse>> GetProvidersAsync(
        string? id, string? region, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = Regions.ParseOptional("region", region);
        if (!Cuid.IsValid(id))
        {
            throw new NotFoundException("The title");
        }

        var kind = $"providers:{id}:{filter}";
        var after = Keyset.After<string>(kind, page.Cursor);
        var rows = await db.StreamingProviders.AsNoTracking()
            .Where(p => p.MediaItemId == id && (filter == null || p.Regions.Contains(filter)))
            .OrderByKeyset(p => p.Provider, p => p.Id, descending: false, after)
            .Take(page.Limit + 1)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0 && after is null && !await db.MediaItems.AnyAsync(m => m.Id == id, cancellationToken))
        {
            throw new NotFoundException("The title");
        }

        var result = Keyset.ToPage(rows, page.Limit, kind, p => p.Provider, p => p.Id);
        return new Page<StreamingProviderResponse>(result.Items.Select(p => ToResponse(p, filter)).ToList(), result.NextCursor);
    }

    private StreamingProviderResponse ToResponse(StreamingProvider provider, string? region) =>
        new(provider.TmdbProviderId, provider.Provider, provider.OfferType, images.Logo(provider.LogoPath),
            Regions.WatchUrlFor(provider.Url, region), provider.Regions);

    private static void RequirePositive(int tmdbId)
    {
        if (tmdbId <= 0)
        {
            throw ValidationException.For("tmdbId", "must be a positive integer.");
        }
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Imported TMDB {Type} {TmdbId} as {MediaItemId} (created: {Created}, {OfferCount} provider offers)")]
    private static partial void LogImported(ILogger logger, string type, int tmdbId, string mediaItemId, bool created, int offerCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seasons of TMDB show {TmdbId} not stored now ({Reason}); the refresh job will")]
    private static partial void LogSeasonsDeferred(ILogger logger, int tmdbId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB {Type} {TmdbId} has no title; not imported")]
    private static partial void LogUntitled(ILogger logger, string type, int tmdbId);
}
