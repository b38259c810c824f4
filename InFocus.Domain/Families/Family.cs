using InFocus.Domain.Accounts;
using InFocus.Domain.Common;

namespace InFocus.Domain.Families;

/// <summary>A group of users who share their watchlists.</summary>
public sealed class Family : Entity
{
    public required string Name { get; set; }

    /// <summary>The user who created the family; null once that account is deleted (the family lives on).</summary>
    public string? CreatedById { get; init; }

    /// <summary>
    /// Where the family watches together (ISO 3166-1 alpha-2); null means the creator's region, read when needed.
    /// </summary>
    public string? Region { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? CreatedBy { get; init; }

    public List<FamilyMembership> Memberships { get; init; } = [];
}
