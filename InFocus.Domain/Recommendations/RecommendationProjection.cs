using System.Linq.Expressions;
using InFocus.Domain.Common;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Recommendations;

/// <summary>A recommendation as its response, selected in SQL with its title and both people in one query.</summary>
internal static class RecommendationProjection
{
    public static readonly Expression<Func<Recommendation, RecommendationResponse>> Response = ProjectionComposition.Compose(
        (Recommendation r) => r.MediaItem!,
        MediaSummary.Projection,
        (r, media) => new RecommendationResponse(
            r.Id,
            r.Status,
            r.Message,
            r.CreatedAt,
            r.RespondedAt,
            media,
            new PersonSummary(r.RecommendedById, r.RecommendedBy!.Name),
            new PersonSummary(r.RecommendedToId, r.RecommendedTo!.Name)));
}
