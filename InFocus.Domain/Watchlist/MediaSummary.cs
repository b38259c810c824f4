using InFocus.Domain.Media;

namespace InFocus.Domain.Watchlist;

/// <summary>The title embedded in watchlist entries and recommendations: enough to show it in a list.</summary>
public sealed record MediaSummary(
    string Id,
    int TmdbId,
    MediaType Type,
    string Title,
    string? PosterUrl,
    DateOnly? ReleaseDate,
    IReadOnlyList<string> Genres);
