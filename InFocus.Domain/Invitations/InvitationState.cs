using InFocus.Domain.Common;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Invitations;

/// <summary>Rules about an invitation's lifecycle shared by the services that change it.</summary>
internal static class InvitationState
{
    public const string Resource = "Invitation";

    /// <summary>The status as users should see it: a pending invitation past its expiry is expired even before the timer marks it.</summary>
    public static InvitationStatus Effective(InvitationStatus status, DateTimeOffset expiresAt, DateTimeOffset now) =>
        status == InvitationStatus.Pending && expiresAt <= now ? InvitationStatus.Expired : status;

    /// <summary>Gives the invitation a fresh token and expiry and makes it pending again, with its email still to send.</summary>
    public static void Reissue(FamilyInvitation invitation, string token, string invitedById, DateTimeOffset expiresAt)
    {
        OutboxEmail.Reissue(invitation, token);
        invitation.Status = InvitationStatus.Pending;
        invitation.InvitedById = invitedById;
        invitation.ExpiresAt = expiresAt;
        invitation.AcceptedAt = null;
        invitation.RespondedAt = null;
    }

    /// <summary>The 410 for a link that can no longer be used, saying why.</summary>
    public static GoneException Gone(InvitationStatus effectiveStatus) => new(WhyUnusable(effectiveStatus));

    /// <summary>Why a link with this (effective, not pending) status can no longer be used, in words for its recipient.</summary>
    public static string WhyUnusable(InvitationStatus effectiveStatus) => effectiveStatus switch
    {
        InvitationStatus.Accepted => "This invitation has already been accepted.",
        InvitationStatus.Declined => "This invitation was declined.",
        InvitationStatus.Revoked => "This invitation was withdrawn by the family.",
        _ => "This invitation has expired. Ask the family for a new one.",
    };

    public static InvitationResponse ToResponse(FamilyInvitation i, DateTimeOffset now) => new(
        i.Id,
        i.FamilyId,
        i.Email,
        Effective(i.Status, i.ExpiresAt, now),
        i.InvitedById,
        i.ExpiresAt,
        i.AcceptedAt,
        i.RespondedAt,
        i.SendCount,
        i.EmailStatus,
        i.EmailSentAt,
        i.EmailError,
        i.CreatedAt,
        i.UpdatedAt);
}
