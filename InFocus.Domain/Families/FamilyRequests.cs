namespace InFocus.Domain.Families;

/// <summary>Body of <c>POST /api/families</c> and <c>PATCH /api/families/{id}</c>.</summary>
public sealed record FamilyRequest(string? Name);

/// <summary>Body of <c>PATCH /api/families/{id}/members/{userId}</c>: <c>admin</c> or <c>member</c>.</summary>
public sealed record MemberRoleRequest(string? Role);
