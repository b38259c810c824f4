using System.Text.Json;
using InFocus.Domain.Common;

namespace InFocus.Domain.Invitations;

/// <summary>
/// The queue message asking for an invitation's email. It carries the raw token (the only place besides the email
/// itself) and the <see cref="SendCount"/> it was issued with, so a message made stale by a resend can be recognized.
/// </summary>
public sealed record InvitationEmailMessage(string InvitationId, string Token, int SendCount)
{
    public string ToJson() => JsonSerializer.Serialize(this, InFocusJson.Options);

    /// <summary>Parses a message; null when it is not one this app wrote.</summary>
    public static InvitationEmailMessage? TryParse(string text)
    {
        try
        {
            var message = JsonSerializer.Deserialize<InvitationEmailMessage>(text, InFocusJson.Options);
            return message is { SendCount: > 0 } && Cuid.IsValid(message.InvitationId) && SecureToken.HasValidShape(message.Token)
                ? message
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The email's idempotency key: one email per invitation and token issue.</summary>
    public string IdempotencyKey => $"invitation:{InvitationId}:{SendCount}";
}
