using InFocus.Domain.Emails;

namespace InFocus.Domain.Accounts;

/// <summary>
/// A request to reset the password of an address, whether or not it has an account (so answering takes the same work
/// either way), and its own outbox record: the delivery sends the link only if the address has an account. Single use;
/// only the token's SHA-256 hash is stored; using a link of an address uses all of its links.
/// </summary>
public sealed class PasswordReset : OutboxEntity
{
    /// <summary>Normalized address the link goes to.</summary>
    public required string Email { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}
