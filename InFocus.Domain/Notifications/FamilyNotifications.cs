using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Notifications;

/// <summary>
/// Family events that notify, each one set-based statement inside the caller's transaction; the event key keeps a
/// retried or concurrent change from notifying twice.
/// </summary>
internal static class FamilyNotifications
{
    /// <summary>Every other member of the family hears that <paramref name="memberId"/> joined or left.</summary>
    public static Task MembersAsync(
        InFocusDbContext db, NotificationType type, string familyId, string memberId, string eventKey, CancellationToken cancellationToken)
    {
        var typeName = SnakeCaseEnum<NotificationType>.ToName(type);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications (id, user_id, type, event_key, actor_id, family_id)
            SELECT 'c' || left(md5(m.user_id || ':' || {eventKey}), 24), m.user_id, {typeName}, {eventKey}, {memberId}, {familyId}
            FROM family_memberships AS m
            WHERE m.family_id = {familyId} AND m.user_id <> {memberId}
            ON CONFLICT (user_id, event_key) DO NOTHING
            """, cancellationToken);
    }

    /// <summary>The inviter (when their account still exists) hears that their invitation was accepted.</summary>
    public static Task InvitationAcceptedAsync(
        InFocusDbContext db, string invitationId, string? inviterId, string familyId, string memberId, CancellationToken cancellationToken)
    {
        if (inviterId is null || inviterId == memberId)
        {
            return Task.CompletedTask;
        }

        var eventKey = $"invitation_accepted:{invitationId}";
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications (id, user_id, type, event_key, actor_id, family_id)
            VALUES ({Cuid.NewId()}, {inviterId}, 'invitation_accepted', {eventKey}, {memberId}, {familyId})
            ON CONFLICT (user_id, event_key) DO NOTHING
            """, cancellationToken);
    }
}
