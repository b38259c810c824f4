namespace InFocus.Domain.Invitations;

/// <summary>Body of <c>POST /api/families/{id}/invitations</c>.</summary>
public sealed record CreateInvitationRequest(string? Email);
