using InFocus.Domain.Common;

namespace InFocus.Domain.Accounts;

/// <summary>
/// A single-use refresh token of a session. Only its SHA-256 hash is stored. Using it revokes it and issues its
/// successor; presenting a revoked one again is treated as theft and ends the whole session.
/// </summary>
public sealed class RefreshToken : Entity
{
    public required string UserId { get; init; }

    public required string SessionId { get; init; }

    public required byte[] TokenHash { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public bool Revoked { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Session? Session { get; init; }
}
