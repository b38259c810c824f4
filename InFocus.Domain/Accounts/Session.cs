using InFocus.Domain.Common;

namespace InFocus.Domain.Accounts;

/// <summary>
/// One sign-in on one device. Access tokens name it in their <c>sid</c> claim and stop working as soon as it
/// is revoked; its refresh tokens rotate within it.
/// </summary>
public sealed class Session : Entity
{
    public required string UserId { get; init; }

    public string? UserAgent { get; set; }

    public string? ClientAddress { get; set; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public required DateTimeOffset LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public SessionRevocationReason? RevokedReason { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }

    public List<RefreshToken> RefreshTokens { get; init; } = [];
}

public enum SessionRevocationReason
{
    Logout,
    LogoutAll,
    Ended,
    PasswordChanged,
    PasswordReset,
    RefreshTokenReuse,
}
