using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Notifications;

/// <summary>
/// Family events that notify, each one set-based statement inside the caller's transaction; the event key keeps a
/// retried or concurrent change from notifying twice. Like every statement that raises notifications, they skip a
/// recipient whose profile preferences turn the type off (<c>{"notifications": {"types": {"member_left": false}}}</c>).
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
              AND NOT EXISTS (
                  SELECT 1 FROM profiles AS pr
                  WHERE pr.user_id = m.user_id AND pr.preferences -> 'notifications' -> 'types' -> {typeName} = 'false'::jsonb)
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
            SELECT {Cuid.NewId()}, {inviterId}, 'invitation_accepted', {eventKey}, {memberId}, {familyId}
            WHERE NOT EXISTS (
                SELECT 1 FROM profiles AS pr
                WHERE pr.user_id = {inviterId} AND pr.preferences -> 'notifications' -> 'types' -> 'invitation_accepted' = 'false'::jsonb)
            ON CONFLICT (user_id, event_key) DO NOTHING
            """, cancellationToken);
    }
}
