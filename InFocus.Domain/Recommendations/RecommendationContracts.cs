using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Recommendations;

/// <summary>Body of <c>POST /api/recommendations</c>: the title (by catalog id, or TMDB id and type), to whom, and why.</summary>
public sealed record RecommendRequest(
    string? MediaItemId,
    int? TmdbId,
    string? Type,
    string? RecipientId,
    string? Message);

/// <summary>A recommendation with its title and both people.</summary>
public sealed record RecommendationResponse(
    string Id,
    RecommendationStatus Status,
    string? Message,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RespondedAt,
    MediaSummary Media,
    PersonSummary RecommendedBy,
    PersonSummary RecommendedTo);

/// <summary>Someone on the other end of a recommendation, as the other person sees them.</summary>
public sealed record PersonSummary(string Id, string Name);
