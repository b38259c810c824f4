using InFocus.Domain.Emails;
using InFocus.Domain.Families;

namespace InFocus.Domain.Invitations;

/// <summary>An invitation as the family's admins see it, with the state of its email.</summary>
public sealed record InvitationResponse(
    string Id,
    string FamilyId,
    string Email,
    InvitationStatus Status,
    string? InvitedById,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? RespondedAt,
    int SendCount,
    EmailDeliveryStatus EmailStatus,
    DateTimeOffset? EmailSentAt,
    string? EmailError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A pending invitation addressed to the caller. Accepting it takes the link from the email.</summary>
public sealed record ReceivedInvitation(
    string Id,
    string FamilyId,
    string FamilyName,
    string? InvitedByName,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt);

/// <summary>The membership an accepted invitation gave.</summary>
public sealed record InvitationAcceptance(string FamilyId, string FamilyName, FamilyRole Role, DateTimeOffset AcceptedAt);

/// <summary>What the invitation page shows about an invitation found by its token.</summary>
public sealed record InvitationView(
    string FamilyName,
    string? InvitedByName,
    string Email,
    InvitationStatus Status,
    DateTimeOffset ExpiresAt,
    bool AccountExists)
{
    /// <summary>Why the link can no longer be used (what accepting it would answer with a 410); null while pending.</summary>
    public string? UnusableReason => Status == InvitationStatus.Pending ? null : InvitationState.WhyUnusable(Status);
}
