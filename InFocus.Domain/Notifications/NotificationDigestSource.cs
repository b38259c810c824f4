using InFocus.Domain.Common;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using InFocus.Domain.Invitations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Notifications;

/// <summary>
/// The digest email: the digest row is the outbox record; it wants its email while its user still has the digest on
/// (an unsubscribe before delivery sends nothing). Lists the notifications of its period still unread when it is
/// composed (none left: nothing is sent), and carries the one-click unsubscribe link in its body and in the RFC 8058
/// <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> headers.
/// </summary>
public sealed class NotificationDigestSource(InFocusDbContext db, IOptions<InvitationOptions> links, IOptions<NotificationDigestOptions> options) : IEmailSource
{
    public const string Subject = "Your InFocus notifications";

    /// <summary>The path of the unsubscribe link and page, under the app's public base URL.</summary>
    public const string UnsubscribePath = "api/unsubscribe";

    public EmailKind Kind => EmailKind.NotificationDigest;

    public string Table => "notification_digests";

    public string WantsEmail =>
        "EXISTS (SELECT 1 FROM profiles AS pr WHERE pr.user_id = t.user_id AND (pr.preferences -> 'notifications' ->> 'email') = 'daily')";

    public string UnsubscribeUrl(string token) => $"{links.Value.PublicBaseUrl.TrimEnd('/')}/{UnsubscribePath}?token={Uri.EscapeDataString(token)}";

    public async Task<OutgoingEmail?> ComposeAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var digest = await db.NotificationDigests
            .Where(d => d.Id == message.Id && d.SendCount == message.SendCount)
            .Select(d => new { d.UserId, d.User!.Email, d.NotificationsSince, d.NotificationsUntil })
            .SingleOrDefaultAsync(cancellationToken);
        if (digest is null)
        {
            return null;
        }

        var max = options.Value.MaxItems;
        var unread = db.Notifications.Where(n => n.UserId == digest.UserId && n.ReadAt == null && n.CreatedAt <= digest.NotificationsUntil
                                                 && (digest.NotificationsSince == null || n.CreatedAt > digest.NotificationsSince));
        var items = await unread
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(max + 1)
            .Select(n => new Item(
                n.Type,
                n.Actor == null ? null : n.Actor.Name,
                n.MediaItem == null ? null : n.MediaItem.Title,
                n.FamilyId == null ? null : db.Families.Where(f => f.Id == n.FamilyId).Select(f => f.Name).FirstOrDefault(),
                n.Provider,
                n.Region))
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            return null;
        }

        var total = items.Count > max ? await unread.CountAsync(cancellationToken) : items.Count;
        var lines = items.Take(max).Select(Line).ToList();
        var more = total - lines.Count;
        if (more > 0)
        {
            lines.Add($"... and {more} more.");
        }

        var url = UnsubscribeUrl(message.Token);
        var email = EmailText.Compose(
            digest.Email,
            Subject,
            [$"Here is what happened since your last digest ({total} unread):", .. lines],
            new EmailLink("Unsubscribe from the daily digest", url),
            "You get this email once a day at most because you turned on the daily digest in your InFocus profile; the link above turns it off, without signing in.",
            message.IdempotencyKey);
        return email with
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{url}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }

    private static string Line(Item n)
    {
        var actor = EmailText.Clean(n.Actor ?? "Someone");
        var title = EmailText.Clean(n.Title ?? "a title");
        var family = EmailText.Clean(n.Family ?? "your family");
        return n.Type switch
        {
            NotificationType.TitleAvailable => $"{title} is now on {EmailText.Clean(n.Provider)} ({n.Region}).",
            NotificationType.RecommendationReceived => $"{actor} recommended {title} to you.",
            NotificationType.RecommendationAccepted => $"{actor} accepted your recommendation of {title}.",
            NotificationType.RecommendationRejected => $"{actor} passed on your recommendation of {title}.",
            NotificationType.InvitationAccepted => $"{actor} accepted your invitation to {family}.",
            NotificationType.MemberJoined => $"{actor} joined {family}.",
            NotificationType.MemberLeft => $"{actor} left {family}.",
            _ => "Something happened.",
        };
    }

    private sealed record Item(NotificationType Type, string? Actor, string? Title, string? Family, string? Provider, string? Region);
}
