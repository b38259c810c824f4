using System.Text.Json;
using InFocus.Domain.Common;

namespace InFocus.Domain.Emails;

/// <summary>
/// The queue message asking for one email of the outbox: which kind, the row it belongs to, the raw token the email
/// carries (the only place besides the email itself) and the <see cref="SendCount"/> it was issued with, so a message
/// made stale by a resend is recognized.
/// </summary>
public sealed record EmailMessage(EmailKind Kind, string Id, string Token, int SendCount)
{
    public string ToJson() => JsonSerializer.Serialize(this, InFocusJson.Options);

    /// <summary>Parses a message; null when it is not one this app wrote.</summary>
    public static EmailMessage? TryParse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<EmailMessage>(text, InFocusJson.Options);
            return message is { SendCount: > 0 } && Enum.IsDefined(message.Kind) && Cuid.IsValid(message.Id) && SecureToken.HasValidShape(message.Token)
                ? message
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The email's idempotency key: one email per row and token issue (the ACS Operation-Id derives from it).</summary>
    public string IdempotencyKey => $"{SnakeCaseEnum<EmailKind>.ToName(Kind)}:{Id}:{SendCount}";
}
