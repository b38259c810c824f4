using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Recommendations;

/// <summary>
/// Recommending titles to people one shares a family with, and withdrawing them. Only the two people involved know
/// a recommendation exists: to anyone else it is not found, and so is a recipient one shares no family with.
/// </summary>
public sealed class RecommendationService(InFocusDbContext db, TitleResolver titles, MediaImages images)
{
    /// <summary>
    /// <c>POST /api/recommendations</c>. One pending recommendation per sender, recipient and title: another is a 409
    /// naming it (<c>existingRecommendationId</c>). Four statements for a title named by catalog id.
    /// </summary>
    public async Task<RecommendationResponse> CreateAsync(CurrentUser user, RecommendRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var title = TitleReference.Validate(validation, request.MediaItemId, request.TmdbId, request.Type);
        validation.Id("recipientId", request.RecipientId).MaxLength("message", request.Message, FieldLimits.RecommendationMessage);
        if (request.RecipientId == user.UserId)
        {
            validation.Add("recipientId", "must be someone other than yourself.");
        }

        validation.ThrowIfInvalid();
        var recipientId = request.RecipientId!;
        if (!await SharesFamilyAsync(user.UserId, recipientId, cancellationToken))
        {
            throw new NotFoundException("The recipient");
        }

        var mediaItemId = await titles.ResolveAsync(title!, cancellationToken);
        if (!await db.MediaItems.AnyAsync(m => m.Id == mediaItemId, cancellationToken))
        {
            throw new NotFoundException("The title");
        }

        var recommendation = new Recommendation
        {
            MediaItemId = mediaItemId,
            RecommendedById = user.UserId,
            RecommendedToId = recipientId,
            Message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message,
        };
        db.Recommendations.Add(recommendation);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await NotifyRecipientAsync(recommendation, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (ConflictException e)
        {
            var pending = await db.Recommendations
                .Where(r => r.RecommendedById == user.UserId && r.RecommendedToId == recipientId && r.MediaItemId == mediaItemId)
                .Where(r => r.Status == RecommendationStatus.Pending)
                .Select(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (pending is null)
            {
                throw;
            }

            throw new ConflictException(e.Message) { Extensions = new Dictionary<string, object?> { ["existingRecommendationId"] = pending } };
        }

        var created = await db.Recommendations.AsNoTracking()
            .Where(r => r.Id == recommendation.Id)
            .Select(RecommendationRow.Projection)
            .SingleAsync(cancellationToken);
        return created.ToResponse(images);
    }

    /// <summary>The recipient hears of it in the same transaction, unless their preferences turn the type off.</summary>
    private Task NotifyRecipientAsync(Recommendation recommendation, CancellationToken cancellationToken)
    {
        var eventKey = $"recommendation_received:{recommendation.Id}";
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications (id, user_id, type, event_key, actor_id, media_item_id, recommendation_id)
            SELECT {Cuid.NewId()}, {recommendation.RecommendedToId}, 'recommendation_received', {eventKey},
                   {recommendation.RecommendedById}, {recommendation.MediaItemId}, {recommendation.Id}
            WHERE NOT EXISTS (
                SELECT 1 FROM profiles AS pr
                WHERE pr.user_id = {recommendation.RecommendedToId}
                  AND pr.preferences -> 'notifications' -> 'types' -> 'recommendation_received' = 'false'::jsonb)
            ON CONFLICT (user_id, event_key) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>
    /// <c>DELETE /api/recommendations/{id}</c>: the sender withdraws a pending recommendation. One that was answered
    /// already is a 409; to the recipient and everyone else it is not found.
    /// </summary>
    public async Task DeleteAsync(CurrentUser user, string? id, CancellationToken cancellationToken)
    {
        var sent = RecommendationAccess.Sent(db, user, id);
        if (await sent.Where(r => r.Status == RecommendationStatus.Pending).ExecuteDeleteAsync(cancellationToken) == 1)
        {
            return;
        }

        var status = await sent.Select(r => (RecommendationStatus?)r.Status).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(RecommendationAccess.Resource);
        throw new ConflictException($"This recommendation was {SnakeCaseEnum<RecommendationStatus>.ToName(status)} already and can no longer be withdrawn.");
    }

    /// <summary>True when both users are members of at least one common family: one query on the membership index.</summary>
    private Task<bool> SharesFamilyAsync(string userId, string otherUserId, CancellationToken cancellationToken) =>
        db.FamilyMemberships.AnyAsync(
            mine => mine.UserId == userId && db.FamilyMemberships.Any(theirs => theirs.FamilyId == mine.FamilyId && theirs.UserId == otherUserId),
            cancellationToken);
}
