using InFocus.Domain.Accounts;
using InFocus.Domain.Emails;
using InFocus.Domain.Families;

namespace InFocus.Domain.Invitations;

/// <summary>
/// An invitation of an email address to a family; one row per family and address, renewed (new token, new
/// expiry) when the address is invited again. Only the SHA-256 hash of the token is stored.
/// </summary>
public sealed class FamilyInvitation : OutboxEntity
{
    public required string FamilyId { get; init; }

    /// <summary>Normalized address the invitation was sent to.</summary>
    public required string Email { get; init; }

    public InvitationStatus Status { get; set; } = InvitationStatus.Pending;

    /// <summary>The admin who last issued the invitation; null once that account is deleted.</summary>
    public string? InvitedById { get; set; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>When the recipient accepted or declined, or an admin revoked.</summary>
    public DateTimeOffset? RespondedAt { get; set; }

    public Family? Family { get; init; }

    public User? InvitedBy { get; init; }
}

public enum InvitationStatus
{
    Pending,
    Accepted,
    Declined,
    Expired,
    Revoked,
}
