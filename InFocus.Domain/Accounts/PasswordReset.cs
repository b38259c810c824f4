using InFocus.Domain.Common;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Accounts;

/// <summary>
/// A request to reset the password of an address, whether or not it has an account (so answering takes the same work
/// either way), and its own outbox record: the delivery sends the link only if the address has an account. Single use;
/// only the token's SHA-256 hash is stored; using a link of an address uses all of its links.
/// </summary>
public sealed class PasswordReset : Entity, IOutboxEmail
{
    /// <summary>Normalized address the link goes to.</summary>
    public required string Email { get; init; }

    public required byte[] TokenHash { get; set; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }

    public int SendCount { get; set; } = 1;

    public EmailDeliveryStatus EmailStatus { get; set; } = EmailDeliveryStatus.Pending;

    public DateTimeOffset? EmailEnqueuedAt { get; set; }

    public DateTimeOffset? EmailLeaseUntil { get; set; }

    public DateTimeOffset? EmailSentAt { get; set; }

    public string? EmailError { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
