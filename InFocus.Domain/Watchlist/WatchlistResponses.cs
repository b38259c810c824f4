using System.Text.Json.Serialization;
using InFocus.Domain.Media;

namespace InFocus.Domain.Watchlist;

/// <summary>
/// One entry of the caller's watchlist with its title. <see cref="ETag"/> is the entry's current version, also sent
/// as the <c>ETag</c> header, for conditional updates (<c>If-Match</c>).
/// </summary>
public sealed record WatchlistEntryResponse(
    string Id,
    WatchStatus Status,
    int? Rating,
    string? Notes,
    DateTimeOffset DateAdded,
    DateTimeOffset DateUpdated,
    [property: JsonPropertyName("etag")] string ETag,
    MediaSummary Media,
    IReadOnlyList<AvailableOffer>? AvailableOn = null);

/// <summary>
/// Where a title of a list filtered by availability can be watched in the caller's region: the provider and the kind of
/// offer (only the offers the filter asked for).
/// </summary>
public sealed record AvailableOffer(int ProviderId, string Provider, StreamingOfferType OfferType, string? LogoUrl);

/// <summary>Body of <c>GET /api/watchlist/stats</c>.</summary>
public sealed record WatchlistStatsResponse(
    int Total,
    IReadOnlyList<StatusCount> Statuses,
    int Rated,
    decimal? AverageRating,
    IReadOnlyList<GenreCount> Genres);

public sealed record StatusCount(WatchStatus Status, int Count);

public sealed record GenreCount(string Genre, int Count);
