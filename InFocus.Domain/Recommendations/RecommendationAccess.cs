using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Recommendations;

/// <summary>The recommendations a user may see or act on, by their part in them.</summary>
internal static class RecommendationAccess
{
    public const string Resource = "The recommendation";

    /// <summary>Recommendation <paramref name="id"/> if the caller received it; an id that cannot exist is not found.</summary>
    public static IQueryable<Recommendation> Received(InFocusDbContext db, CurrentUser user, string? id) =>
        ById(db, id).Where(r => r.RecommendedToId == user.UserId);

    /// <summary>Recommendation <paramref name="id"/> if the caller sent it; an id that cannot exist is not found.</summary>
    public static IQueryable<Recommendation> Sent(InFocusDbContext db, CurrentUser user, string? id) =>
        ById(db, id).Where(r => r.RecommendedById == user.UserId);

    private static IQueryable<Recommendation> ById(InFocusDbContext db, string? id) =>
        Cuid.IsValid(id) ? db.Recommendations.AsNoTracking().Where(r => r.Id == id) : throw new NotFoundException(Resource);
}
