using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Notifications;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Recommendations;

/// <summary>
/// The recipient's answer to a recommendation. Answering again the same way returns the same result; answering the
/// other way once answered is a 409. To the sender and everyone else the recommendation is not found.
/// </summary>
public sealed class RecommendationReplies(InFocusDbContext db, TimeProvider clock, MediaImages images)
{
    /// <summary>
    /// <c>POST /api/recommendations/{id}/accept</c>: accepts and puts the title on the recipient's watchlist as
    /// not_watched unless it is there already, in one transaction. An entry added at the same moment by hand is kept
    /// and no second one is made (the insert yields to the unique index).
    /// </summary>
    public Task<RecommendationResponse> AcceptAsync(CurrentUser user, string? id, CancellationToken cancellationToken) =>
        AnswerAsync(user, id, RecommendationStatus.Accepted, cancellationToken);

    /// <summary><c>POST /api/recommendations/{id}/reject</c>.</summary>
    public Task<RecommendationResponse> RejectAsync(CurrentUser user, string? id, CancellationToken cancellationToken) =>
        AnswerAsync(user, id, RecommendationStatus.Rejected, cancellationToken);

    private async Task<RecommendationResponse> AnswerAsync(CurrentUser user, string? id, RecommendationStatus answer, CancellationToken cancellationToken)
    {
        var received = RecommendationAccess.Received(db, user, id);
        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Only a pending recommendation changes; concurrent answers queue on the row lock and the later ones find it answered.
            var answered = await received
                .Where(r => r.Status == RecommendationStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, answer).SetProperty(r => r.RespondedAt, now), cancellationToken);
            if (answered == 1 && answer == RecommendationStatus.Accepted)
            {
                await AddToWatchlistAsync(id!, cancellationToken);
            }

            if (answered == 1)
            {
                await NotifySenderAsync(id!, answer, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var row = await received.Select(RecommendationRow.Projection).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(RecommendationAccess.Resource);
        var status = row.Recommendation.Status;
        if (status != answer)
        {
            throw new ConflictException($"This recommendation was {SnakeCaseEnum<RecommendationStatus>.ToName(status)} already.");
        }

        return row.ToResponse(images);
    }

    /// <summary>The recommender hears of the answer, in the answer's transaction; once per answer.</summary>
    private Task NotifySenderAsync(string id, RecommendationStatus answer, CancellationToken cancellationToken)
    {
        var type = SnakeCaseEnum<NotificationType>.ToName(answer == RecommendationStatus.Accepted ? NotificationType.RecommendationAccepted : NotificationType.RecommendationRejected);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications (id, user_id, type, event_key, actor_id, media_item_id, recommendation_id)
            SELECT {Cuid.NewId()}, r.recommended_by_id, {type}, {type} || ':' || r.id, r.recommended_to_id, r.media_item_id, r.id
            FROM recommendations AS r
            WHERE r.id = {id}
              AND NOT EXISTS (
                  SELECT 1 FROM profiles AS pr
                  WHERE pr.user_id = r.recommended_by_id AND pr.preferences -> 'notifications' -> 'types' -> {type} = 'false'::jsonb)
            ON CONFLICT (user_id, event_key) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>
    /// Puts the recommended title on the recipient's watchlist as not_watched, or leaves the entry they have alone.
    /// <c>ON CONFLICT DO NOTHING</c> waits for a concurrent insert of the same title and then skips, so racing a
    /// manual add never fails and never makes two entries.
    /// </summary>
    private Task AddToWatchlistAsync(string recommendationId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO watchlist_entries (id, user_id, media_item_id, status)
            SELECT {Cuid.NewId()}, recommended_to_id, media_item_id, {SnakeCaseEnum<WatchStatus>.ToName(WatchStatus.NotWatched)}
            FROM recommendations
            WHERE id = {recommendationId}
            ON CONFLICT (user_id, media_item_id) DO NOTHING
            """,
            cancellationToken);
}
