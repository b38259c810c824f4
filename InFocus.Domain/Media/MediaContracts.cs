namespace InFocus.Domain.Media;

/// <summary>Body of <c>POST /api/media</c>: the TMDB title to import.</summary>
public sealed record ImportMediaRequest(int? TmdbId, string? Type);

/// <summary>Query of <c>GET /api/media/search</c>, as received.</summary>
public sealed record MediaSearchRequest(string? Query, string? Type, string? Page);

/// <summary>One page of TMDB's results, people left out. Totals are TMDB's (for <c>all</c> they count people too).</summary>
public sealed record MediaSearchResponse(IReadOnlyList<MediaSearchItem> Items, int Page, int TotalPages, int TotalResults);

/// <summary>A search hit; <see cref="MediaItemId"/> is set when the title is already in the catalog.</summary>
public sealed record MediaSearchItem(
    int TmdbId,
    MediaType Type,
    string Title,
    int? Year,
    string? Overview,
    string? PosterUrl,
    string? MediaItemId);

/// <summary>A stored title with its streaming providers (those of one region when the request names one).</summary>
public sealed record MediaItemResponse(
    string Id,
    int TmdbId,
    MediaType Type,
    string Title,
    string? Description,
    string? PosterUrl,
    string? BackdropUrl,
    DateOnly? ReleaseDate,
    decimal? Rating,
    IReadOnlyList<string> Genres,
    IReadOnlyList<string> Creators,
    IReadOnlyList<StreamingProviderResponse> Providers,
    DateTimeOffset? ProvidersRefreshedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// One way to watch a title. <see cref="Url"/> is TMDB's watch page for the title (TMDB has no per-provider deep links),
/// opened on the requested region's offers when a region is given.
/// </summary>
public sealed record StreamingProviderResponse(
    int TmdbProviderId,
    string Name,
    StreamingOfferType OfferType,
    string? LogoUrl,
    string? Url,
    IReadOnlyList<string> Regions);

/// <summary>The outcome of <c>POST /api/media</c>: the stored title, and whether this request created it (201) or not (200).</summary>
public sealed record ImportedMedia(bool Created, MediaItemResponse Item);
