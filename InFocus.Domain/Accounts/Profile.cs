using InFocus.Domain.Common;

namespace InFocus.Domain.Accounts;

public sealed class Profile : Entity
{
    public required string UserId { get; init; }

    public string? Bio { get; set; }

    /// <summary>Absolute URL of the avatar image.</summary>
    public string? Avatar { get; set; }

    /// <summary>Client-defined settings as JSON text of an object, stored as jsonb.</summary>
    public string Preferences { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }
}
