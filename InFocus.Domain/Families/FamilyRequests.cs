using InFocus.Domain.Common;

namespace InFocus.Domain.Families;

/// <summary>Body of <c>POST /api/families</c>.</summary>
public sealed record FamilyRequest(string? Name);

/// <summary>
/// Body of <c>PATCH /api/families/{id}</c>: absent members stay as they are; <c>region: null</c> goes back to the
/// creator's region.
/// </summary>
public sealed record UpdateFamilyRequest(Optional<string?> Name = default, Optional<string?> Region = default);

/// <summary>Body of <c>PATCH /api/families/{id}/members/{userId}</c>: <c>admin</c> or <c>member</c>.</summary>
public sealed record MemberRoleRequest(string? Role);
