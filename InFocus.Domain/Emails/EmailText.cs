using System.Net;
using InFocus.Domain.Common.Email;

namespace InFocus.Domain.Emails;

/// <summary>A link in an email: its button text and address.</summary>
public sealed record EmailLink(string Text, string Url);

/// <summary>
/// The one layout of InFocus emails: a greeting, paragraphs, one link (as a button and as text), a closing note, in
/// plain text and HTML. Every value is HTML encoded in the HTML version; subjects are fixed texts of the caller.
/// </summary>
public static class EmailText
{
    public static OutgoingEmail Compose(
        string to, string subject, IReadOnlyList<string> paragraphs, EmailLink link, string closing, string idempotencyKey)
    {
        var text = $"""
            Hello,

            {string.Join("\n\n", paragraphs)}

            {link.Text}:
            {link.Url}

            {closing}
            """;

        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{Html(subject)}</title></head>
            <body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a;">
              <p>Hello,</p>
            {string.Join("\n", paragraphs.Select(p => $"  <p>{Html(p)}</p>"))}
              <p><a href="{Html(link.Url)}" style="display: inline-block; padding: 10px 18px; background: #1d4ed8; color: #ffffff; text-decoration: none; border-radius: 6px;">{Html(link.Text)}</a></p>
              <p>Or open this link: <a href="{Html(link.Url)}">{Html(link.Url)}</a></p>
              <p>{Html(closing)}</p>
            </body>
            </html>
            """;

        return new OutgoingEmail(to, subject, text, html, idempotencyKey);
    }

    /// <summary>A user's text without control characters (no header or line injection), trimmed.</summary>
    public static string Clean(string? value) =>
        value is null ? "" : new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();

    private static string Html(string value) => WebUtility.HtmlEncode(value);
}
