using System.Net;
using InFocus.Domain.Common;
using InFocus.Domain.Common.Email;

namespace InFocus.Domain.Invitations;

/// <summary>
/// Writes the invitation email. Names come from users, so the HTML encodes every one of them and both versions drop
/// control characters (no header or line injection).
/// </summary>
public static class InvitationEmailComposer
{
    public const string UnknownInviter = "An InFocus member";

    public static OutgoingEmail Compose(
        string to, string? inviterName, string familyName, DateTimeOffset expiresAt, string link, string idempotencyKey)
    {
        var inviter = Clean(inviterName) is { Length: > 0 } name ? name : UnknownInviter;
        var family = Clean(familyName);
        var expiry = DisplayTime.Utc(expiresAt);
        var subject = $"{inviter} invited you to {family} on InFocus";

        var text = $"""
            Hello,

            {inviter} invited you to join the family "{family}" on InFocus, where a family shares its watchlists.

            Accept or decline the invitation here:
            {link}

            The invitation expires on {expiry}. If you did not expect it, you can ignore this email.
            """;

        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{Html(subject)}</title></head>
            <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a;">
              <p>Hello,</p>
              <p><strong>{Html(inviter)}</strong> invited you to join the family <strong>{Html(family)}</strong> on InFocus, where a family shares its watchlists.</p>
              <p><a href="{Html(link)}" style="display: inline-block; padding: 10px 18px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 6px;">Accept or decline the invitation</a></p>
              <p>Or open this link: <a href="{Html(link)}">{Html(link)}</a></p>
              <p>The invitation expires on {Html(expiry)}. If you did not expect it, you can ignore this email.</p>
            </body>
            </html>
            """;

        return new OutgoingEmail(to, subject, text, html, idempotencyKey);
    }

    private static string Html(string value) => WebUtility.HtmlEncode(value);

    private static string Clean(string? value) =>
        value is null ? "" : new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
}
