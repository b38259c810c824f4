using InFocus.Domain.Common;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Invitations;

/// <summary>
/// Writes the invitation email. Family and inviter names come from users, so they never go into the subject (which
/// mail clients show as if InFocus said it), and the body quotes them as data: in quotation marks, after a label, HTML
/// encoded, without control characters (no header or line injection).
/// </summary>
public static class InvitationEmailComposer
{
    public const string UnknownInviter = "An InFocus member";
    public const string Subject = "You have an invitation to a family on InFocus";

    public static OutgoingEmail Compose(
        string to, string? inviterName, string familyName, DateTimeOffset expiresAt, string link, string idempotencyKey)
    {
        var inviter = EmailText.Clean(inviterName) is { Length: > 0 } name ? $"An InFocus member named \"{name}\"" : UnknownInviter;
        var family = EmailText.Clean(familyName);
        var expiry = DisplayTime.Utc(expiresAt);
        var lines = new[]
        {
            $"{inviter} invited you to join a family on InFocus, where a family shares its watchlists.",
            $"Family name (chosen by its members): \"{family}\"",
        };
        return EmailText.Compose(
            to,
            Subject,
            lines,
            new EmailLink("Accept or decline the invitation", link),
            $"The invitation expires on {expiry}. If you did not expect it, you can ignore this email.",
            idempotencyKey);
    }
}
