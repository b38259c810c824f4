using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using InFocus.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Invitations;

/// <summary>
/// What the holder of an invitation link can do: look at it, accept it (signed in with the invited address) or
/// decline it. The token is the capability; it is looked up by its SHA-256 hash and never stored or logged.
/// </summary>
public sealed class InvitationResponder(InFocusDbContext db, TimeProvider clock)
{
    /// <summary>The invitation behind a link, whatever its status (the page explains a used or expired link).</summary>
    public async Task<InvitationView> DescribeAsync(string token, CancellationToken cancellationToken)
    {
        var hash = HashOrNotFound(token);
        var view = await db.FamilyInvitations
            .Where(i => i.TokenHash == hash)
            .Select(i => new
            {
                FamilyName = i.Family!.Name,
                InvitedByName = i.InvitedBy!.Name,
                i.Email,
                i.Status,
                i.ExpiresAt,
                AccountExists = db.Users.Any(u => u.Email == i.Email),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(InvitationState.Resource);
        var status = InvitationState.Effective(view.Status, view.ExpiresAt, clock.GetUtcNow());
        return new InvitationView(view.FamilyName, view.InvitedByName, view.Email, status, view.ExpiresAt, view.AccountExists);
    }

    /// <summary>
    /// Makes the user a member of the family, in one transaction with marking the invitation accepted. The user's
    /// address must be the invited one (in any letter case). Accepting twice is harmless: racing accepts are serialized
    /// by the invitation's row lock, and the same user accepting again gets the same answer.
    /// </summary>
    public async Task<InvitationAcceptance> AcceptAsync(string userId, string token, CancellationToken cancellationToken)
    {
        var hash = HashOrNotFound(token);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockAsync(hash, cancellationToken);
        var caller = await db.Users
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Email,
                Membership = db.FamilyMemberships.Where(m => m.FamilyId == invitation.FamilyId && m.UserId == u.Id).Select(m => new { m.Role }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("User");
        var familyName = await db.Families.Where(f => f.Id == invitation.FamilyId).Select(f => f.Name).SingleAsync(cancellationToken);
        var addressedToCaller = caller.Email == invitation.Email;

        if (invitation.Status == InvitationStatus.Accepted && addressedToCaller && caller.Membership is { } existing)
        {
            return new InvitationAcceptance(invitation.FamilyId, familyName, existing.Role, invitation.AcceptedAt!.Value);
        }

        var status = InvitationState.Effective(invitation.Status, invitation.ExpiresAt, now);
        if (status != InvitationStatus.Pending)
        {
            throw InvitationState.Gone(status);
        }

        if (!addressedToCaller)
        {
            throw new ForbiddenException("This invitation was sent to another email address: sign in with the account for that address.");
        }

        var role = caller.Membership?.Role ?? FamilyRole.Member;
        if (caller.Membership is null)
        {
            db.FamilyMemberships.Add(new FamilyMembership { FamilyId = invitation.FamilyId, UserId = userId, Role = role });
        }

        invitation.Status = InvitationStatus.Accepted;
        invitation.AcceptedAt = now;
        invitation.RespondedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (caller.Membership is null)
        {
            await FamilyNotifications.MembersAsync(
                db, NotificationType.MemberJoined, invitation.FamilyId, userId, $"member_joined:{invitation.Id}", cancellationToken);
        }

        await FamilyNotifications.InvitationAcceptedAsync(db, invitation.Id, invitation.InvitedById, invitation.FamilyId, userId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new InvitationAcceptance(invitation.FamilyId, familyName, role, now);
    }

    /// <summary>Declines a pending invitation. Needs no account: the link is the proof of receipt. Declining twice is harmless.</summary>
    public async Task DeclineAsync(string token, CancellationToken cancellationToken)
    {
        var hash = HashOrNotFound(token);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockAsync(hash, cancellationToken);
        var status = InvitationState.Effective(invitation.Status, invitation.ExpiresAt, now);
        if (status == InvitationStatus.Declined)
        {
            return;
        }

        if (status != InvitationStatus.Pending)
        {
            throw InvitationState.Gone(status);
        }

        invitation.Status = InvitationStatus.Declined;
        invitation.RespondedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<FamilyInvitation> LockAsync(byte[] hash, CancellationToken cancellationToken) =>
        await FamilyInvitationsService.LockAsync(
            db.FamilyInvitations.FromSql($"SELECT * FROM family_invitations WHERE token_hash = {hash} FOR UPDATE"),
            cancellationToken)
        ?? throw new NotFoundException(InvitationState.Resource);

    private static byte[] HashOrNotFound(string token) =>
        SecureToken.HasValidShape(token) ? SecureToken.Hash(token) : throw new NotFoundException(InvitationState.Resource);
}
