using InFocus.Domain.Common;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Accounts;

/// <summary>
/// A registration waiting for its address to be verified: one per address (registering the address again replaces
/// it, and only the newest link works), removed when verified or once expired. It is its own outbox record for the
/// verification email. The password is already hashed; the token only as its SHA-256 hash.
/// </summary>
public sealed class PendingRegistration : OutboxEntity
{
    /// <summary>Normalized; see <see cref="EmailAddress.Normalize"/>.</summary>
    public required string Email { get; init; }

    public required string Name { get; set; }

    public required string PasswordHash { get; set; }

    public required DateTimeOffset ExpiresAt { get; set; }
}
