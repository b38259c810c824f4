using InFocus.Domain.Common;

namespace InFocus.Domain.Accounts;

public sealed class User : Entity
{
    /// <summary>Normalized (trimmed, lower-case); see <see cref="EmailAddress.Normalize"/>.</summary>
    public required string Email { get; set; }

    /// <summary>bcrypt hash of the password; never the password itself.</summary>
    public required string PasswordHash { get; set; }

    public required string Name { get; set; }

    /// <summary>Where the user watches: an ISO 3166-1 alpha-2 code (upper-case), set with their services; null until then.</summary>
    public string? Region { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Profile? Profile { get; set; }
}
