using System.Linq.Expressions;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Recommendations;

/// <summary>
/// A recommendation with its title's columns and both people's names, read in one query; becomes its response with
/// <see cref="ToResponse"/>.
/// </summary>
internal sealed record RecommendationRow(Recommendation Recommendation, TitleRow Title, string SenderName, string RecipientName)
{
    public static readonly Expression<Func<Recommendation, RecommendationRow>> Projection = ProjectionComposition.Compose(
        (Recommendation r) => r.MediaItem!,
        TitleRow.Projection,
        (r, title) => new RecommendationRow(r, title, r.RecommendedBy!.Name, r.RecommendedTo!.Name));

    public RecommendationResponse ToResponse(MediaImages images)
    {
        var r = Recommendation;
        return new RecommendationResponse(
            r.Id,
            r.Status,
            r.Message,
            r.CreatedAt,
            r.RespondedAt,
            Title.ToSummary(images),
            new PersonSummary(r.RecommendedById, SenderName),
            new PersonSummary(r.RecommendedToId, RecipientName));
    }
}
