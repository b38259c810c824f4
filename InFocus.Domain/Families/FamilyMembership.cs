using InFocus.Domain.Accounts;
using InFocus.Domain.Common;

namespace InFocus.Domain.Families;

public sealed class FamilyMembership : Entity
{
    public required string UserId { get; init; }

    public required string FamilyId { get; init; }

    public FamilyRole Role { get; set; } = FamilyRole.Member;

    public DateTimeOffset JoinedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }

    public Family? Family { get; init; }
}

public enum FamilyRole
{
    Admin,
    Member,
}
