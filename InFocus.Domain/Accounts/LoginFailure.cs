using InFocus.Domain.Common;

namespace InFocus.Domain.Accounts;

/// <summary>
/// A failed sign-in, kept in PostgreSQL so every function instance counts the same failures when it decides
/// whether an account or a client address is locked out.
/// </summary>
public sealed class LoginFailure : Entity
{
    /// <summary>The normalized email that was tried (whether or not an account has it).</summary>
    public required string Email { get; init; }

    public required string ClientAddress { get; init; }

    public required DateTimeOffset AttemptedAt { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
