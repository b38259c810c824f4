using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Recommendations;

/// <summary>
/// The caller's received and sent recommendations, newest first, optionally of one status; keyset-paged by
/// (creation time, id), one statement per page whatever its size.
/// </summary>
public sealed class RecommendationListing(InFocusDbContext db, MediaImages images)
{
    /// <summary><c>GET /api/recommendations/received</c>.</summary>
    public Task<Page<RecommendationResponse>> ReceivedAsync(CurrentUser user, string? status, PageRequest page, CancellationToken cancellationToken) =>
        ListAsync(db.Recommendations.Where(r => r.RecommendedToId == user.UserId), "received", status, page, cancellationToken);

    /// <summary><c>GET /api/recommendations/sent</c>.</summary>
    public Task<Page<RecommendationResponse>> SentAsync(CurrentUser user, string? status, PageRequest page, CancellationToken cancellationToken) =>
        ListAsync(db.Recommendations.Where(r => r.RecommendedById == user.UserId), "sent", status, page, cancellationToken);

    private async Task<Page<RecommendationResponse>> ListAsync(
        IQueryable<Recommendation> mine, string direction, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        var wanted = SnakeCaseEnum<RecommendationStatus>.ParseOptional("status", status);
        if (wanted is { } filter)
        {
            mine = mine.Where(r => r.Status == filter);
        }

        var kind = $"recommendations:{direction}:{(wanted is { } s ? SnakeCaseEnum<RecommendationStatus>.ToName(s) : "all")}";
        var rows = await mine
            .AsNoTracking()
            .OrderByKeyset(r => r.CreatedAt, r => r.Id, descending: true, Keyset.After<DateTimeOffset>(kind, page.Cursor))
            .Take(page.Limit + 1)
            .Select(RecommendationRow.Projection)
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, kind, r => r.Recommendation.CreatedAt, r => r.Recommendation.Id).Map(row => row.ToResponse(images));
    }
}
