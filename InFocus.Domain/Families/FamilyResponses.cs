namespace InFocus.Domain.Families;

/// <summary>A family as listed for one of its members: the caller's role and how many members it has.</summary>
public sealed record FamilySummary(string Id, string Name, FamilyRole Role, int MemberCount, DateTimeOffset CreatedAt);

/// <summary>
/// A family with its members, as its members see it. <see cref="Region"/> is where it watches together (Tonight): its
/// own, or else its creator's; null when neither is set.
/// </summary>
public sealed record FamilyDetails(
    string Id,
    string Name,
    string? CreatedById,
    FamilyRole Role,
    string? Region,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<FamilyMember> Members);

/// <summary>One member of a family. Addresses stay private: members see each other's names only.</summary>
public sealed record FamilyMember(string UserId, string Name, FamilyRole Role, DateTimeOffset JoinedAt);
