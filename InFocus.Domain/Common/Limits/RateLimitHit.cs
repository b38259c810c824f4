namespace InFocus.Domain.Common.Limits;

/// <summary>One counted use of a limited action (an email sent, a registration), in PostgreSQL so every instance counts alike.</summary>
public sealed class RateLimitHit : Entity
{
    /// <summary>What is limited and for whom, for example <c>invitations-per-inviter:{userId}</c>.</summary>
    public required string Key { get; init; }

    public const int KeyLength = 320;

    public required DateTimeOffset At { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
