using System.Linq.Expressions;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Notifications;

/// <summary><c>GET /api/me/notifications</c> and <c>POST /api/me/notifications/read</c>: the caller's own notifications.</summary>
public sealed class NotificationService(InFocusDbContext db, MediaImages images, TimeProvider clock)
{
    public const int MaxIdsPerRead = PageRequest.MaxLimit;

    public async Task<Page<NotificationResponse>> ListAsync(CurrentUser user, NotificationsQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        bool? unread = query.Unread switch
        {
            null or "" => null,
            "true" => true,
            "false" => false,
            _ => Invalid(validation, "unread", "must be true or false."),
        };
        var type = SnakeCaseEnum<NotificationType>.ParseOptional("type", query.Type, validation);
        validation.ThrowIfInvalid();

        var notifications = db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId);
        if (unread is { } onlyUnread)
        {
            notifications = onlyUnread ? notifications.Where(n => n.ReadAt == null) : notifications.Where(n => n.ReadAt != null);
        }

        if (type is { } wanted)
        {
            notifications = notifications.Where(n => n.Type == wanted);
        }

        var kind = $"notifications:{query.Unread ?? "all"}:{(type is { } t ? SnakeCaseEnum<NotificationType>.ToName(t) : "all")}";
        var rows = await notifications
            .OrderByKeyset(n => n.CreatedAt, n => n.Id, descending: true, Keyset.After<DateTimeOffset>(kind, page.Cursor))
            .Take(page.Limit + 1)
            .Select(NotificationRow.Projection)
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, kind, r => r.CreatedAt, r => r.Id).Map(r => r.ToResponse(images));
    }

    /// <summary>Marks the given notifications (only the caller's; others' ids are ignored) or all of them read.</summary>
    public async Task<NotificationsReadResponse> MarkReadAsync(CurrentUser user, MarkNotificationsReadRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var all = request.All == true;
        var ids = request.Ids ?? [];
        if (all == (ids.Count > 0))
        {
            validation.Add("ids", "name the notifications to mark read, or send all: true instead.");
        }
        else if (ids.Count > MaxIdsPerRead || ids.Any(id => !Cuid.IsValid(id)))
        {
            validation.Add("ids", $"must be at most {MaxIdsPerRead} notification ids.");
        }

        validation.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var unread = db.Notifications.Where(n => n.UserId == user.UserId && n.ReadAt == null);
        var marked = await (all ? unread : unread.Where(n => ids.Contains(n.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return new NotificationsReadResponse(marked, await UnreadCountAsync(db, user.UserId, cancellationToken));
    }

    internal static Task<int> UnreadCountAsync(InFocusDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);

    private static bool? Invalid(Validation validation, string field, string message)
    {
        validation.Add(field, message);
        return null;
    }

    /// <summary>A notification as read from the database; the list and the webhook deliveries (Webhooks) project it alike.</summary>
    internal sealed record NotificationRow(
        string Id,
        NotificationType Type,
        DateTimeOffset CreatedAt,
        DateTimeOffset? ReadAt,
        NotificationActor? Actor,
        TitleRow? Title,
        string? FamilyId,
        string? RecommendationId,
        int? ProviderId,
        string? Provider,
        string? Region)
    {
        public static readonly Expression<Func<Notification, NotificationRow>> Projection = n => new NotificationRow(
            n.Id,
            n.Type,
            n.CreatedAt,
            n.ReadAt,
            n.Actor == null ? null : new NotificationActor(n.Actor.Id, n.Actor.Name),
            n.MediaItem == null ? null : new TitleRow(n.MediaItem.Id, n.MediaItem.TmdbId, n.MediaItem.TmdbType, n.MediaItem.Title, n.MediaItem.PosterPath, n.MediaItem.ReleaseDate, n.MediaItem.Genres),
            n.FamilyId,
            n.RecommendationId,
            n.TmdbProviderId,
            n.Provider,
            n.Region);

        public NotificationResponse ToResponse(MediaImages images) => new(
            Id, Type, CreatedAt, ReadAt, Actor, Title?.ToSummary(images), FamilyId, RecommendationId, ProviderId, Provider, Region);
    }
}
