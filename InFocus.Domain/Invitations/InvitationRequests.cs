namespace InFocus.Domain.Invitations;

/// <summary>Body of <c>POST /api/families/{id}/invitations</c>.</summary>
public sealed record CreateInvitationRequest(string? Email);

/// <summary>Joining from an invitation link with a new account for the invited address (the invitation page's form).</summary>
public sealed record JoinWithNewAccountRequest(string? Name, string? Password);

/// <summary>Joining from an invitation link with the password of the invited address's account.</summary>
public sealed record JoinWithPasswordRequest(string? Password);
