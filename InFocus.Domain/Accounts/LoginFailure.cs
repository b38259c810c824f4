using InFocus.Domain.Common;

namespace InFocus.Domain.Accounts;

/// <summary>
/// A password check, kept in PostgreSQL so every function instance counts alike: in flight while the password is
/// being checked, a failure once it turned out wrong (a correct one removes its row). See <see cref="LoginThrottle"/>.
/// </summary>
public sealed class LoginFailure : Entity
{
    /// <summary>The normalized email that was tried (whether or not an account has it).</summary>
    public required string Email { get; init; }

    public required string ClientAddress { get; init; }

    public required DateTimeOffset AttemptedAt { get; init; }

    /// <summary>True while the password is being checked; false once it failed.</summary>
    public bool InFlight { get; set; }

    /// <summary>Insertion order (an identity column), so an attempt waits only for the ones that began before it.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
