using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using InFocus.Domain.Families;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Invitations;

/// <summary>
/// What a family's admins do with invitations: invite an address, list, revoke and resend. Creating, renewing and
/// resending commit the invitation first and then put its email on the queue (<see cref="EmailOutbox"/>).
/// </summary>
public sealed class FamilyInvitationsService(
    InFocusDbContext db,
    EmailOutbox outbox,
    RateLimiter limiter,
    IOptions<InvitationOptions> options,
    IOptions<EmailLimitsOptions> limits,
    TimeProvider clock)
{
    private const string CursorKind = "family-invitations";
    private const string ReceivedCursorKind = "received-invitations";

    /// <summary>
    /// Invites an address, or renews its invitation (new token, new expiry) after a decline, expiry or revocation,
    /// or after the member it brought in left. 409 while it is still pending or when the address is already a member.
    /// </summary>
    public async Task<InvitationResponse> CreateAsync(
        CurrentUser user, string familyId, CreateInvitationRequest request, CancellationToken cancellationToken)
    {
        new Validation().Email("email", request.Email).ThrowIfInvalid();
        var email = EmailAddress.Normalize(request.Email!);
        await FamilyAccess.RequireAdminAsync(db, user.UserId, familyId, cancellationToken);
        var now = clock.GetUtcNow();
        var token = SecureToken.Generate();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockAsync(
            db.FamilyInvitations.FromSql($"SELECT * FROM family_invitations WHERE family_id = {familyId} AND email = {email} FOR UPDATE"),
            cancellationToken);
        if (await db.FamilyMemberships.AnyAsync(m => m.FamilyId == familyId && m.User!.Email == email, cancellationToken))
        {
            throw new ConflictException("This address belongs to a member of the family already.");
        }

        if (invitation is null)
        {
            invitation = new FamilyInvitation
            {
                FamilyId = familyId,
                Email = email,
                TokenHash = SecureToken.Hash(token),
                InvitedById = user.UserId,
                ExpiresAt = now + options.Value.Expiry,
            };
            db.FamilyInvitations.Add(invitation);
        }
        else if (InvitationState.Effective(invitation.Status, invitation.ExpiresAt, now) == InvitationStatus.Pending)
        {
            throw new ConflictException("This address already has a pending invitation to the family; resend it instead.")
            {
                Extensions = new Dictionary<string, object?> { ["invitationId"] = invitation.Id },
            };
        }
        else
        {
            InvitationState.Reissue(invitation, token, user.UserId, now + options.Value.Expiry);
        }

        await limiter.AcquireAsync(Limits(user, familyId, email), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await outbox.TryEnqueueAsync(EmailKind.Invitation, invitation, token, cancellationToken);
        return InvitationState.ToResponse(invitation, now);
    }

    /// <summary>The family's invitations, newest first, optionally of one status (admins only).</summary>
    public async Task<Page<InvitationResponse>> ListAsync(
        CurrentUser user, string familyId, InvitationStatus? status, PageRequest page, CancellationToken cancellationToken)
    {
        await FamilyAccess.RequireAdminAsync(db, user.UserId, familyId, cancellationToken);
        var now = clock.GetUtcNow();
        var query = db.FamilyInvitations.AsNoTracking().Where(i => i.FamilyId == familyId);
        query = status switch
        {
            null => query,
            InvitationStatus.Pending => query.Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now),
            InvitationStatus.Expired => query.Where(i => i.Status == InvitationStatus.Expired || (i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)),
            { } other => query.Where(i => i.Status == other),
        };
        var rows = await query
            .OrderByKeyset(i => i.CreatedAt, i => i.Id, descending: true, Keyset.After<DateTimeOffset>(CursorKind, page.Cursor))
            .Take(page.Limit + 1)
            .ToListAsync(cancellationToken);
        var items = rows.Select(i => InvitationState.ToResponse(i, now)).ToList();
        return Keyset.ToPage(items, page.Limit, CursorKind, i => i.CreatedAt, i => i.Id);
    }

    /// <summary>Withdraws an invitation so its link stops working (admins only). Idempotent; 409 once accepted.</summary>
    public async Task RevokeAsync(CurrentUser user, string familyId, string invitationId, CancellationToken cancellationToken)
    {
        await FamilyAccess.RequireAdminAsync(db, user.UserId, familyId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockByIdAsync(familyId, invitationId, cancellationToken);
        switch (invitation.Status)
        {
            case InvitationStatus.Accepted:
                throw new ConflictException("This invitation has already been accepted; remove the member instead.");
            case InvitationStatus.Revoked:
                return;
            default:
                invitation.Status = InvitationStatus.Revoked;
                invitation.RespondedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
        }
    }

    /// <summary>
    /// Issues a fresh token, expiry and email for a pending or expired invitation (admins only); the old link stops
    /// working. This is also how an admin recovers from a failed email.
    /// </summary>
    public async Task<InvitationResponse> ResendAsync(CurrentUser user, string familyId, string invitationId, CancellationToken cancellationToken)
    {
        await FamilyAccess.RequireAdminAsync(db, user.UserId, familyId, cancellationToken);
        var now = clock.GetUtcNow();
        var token = SecureToken.Generate();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockByIdAsync(familyId, invitationId, cancellationToken);
        var status = InvitationState.Effective(invitation.Status, invitation.ExpiresAt, now);
        if (status is not (InvitationStatus.Pending or InvitationStatus.Expired))
        {
            throw new ConflictException(status == InvitationStatus.Accepted
                ? "This invitation has already been accepted."
                : $"This invitation was {SnakeCaseEnum<InvitationStatus>.ToName(status)}; invite the address again to renew it.");
        }

        await limiter.AcquireAsync(Limits(user, familyId, invitation.Email), cancellationToken);
        InvitationState.Reissue(invitation, token, user.UserId, now + options.Value.Expiry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await outbox.TryEnqueueAsync(EmailKind.Invitation, invitation, token, cancellationToken);
        return InvitationState.ToResponse(invitation, now);
    }

    /// <summary>
    /// Every invitation email counts against its inviter, its family, its recipient and the app's budget, and waits for
    /// the resend cooldown since the last email of the same invitation.
    /// </summary>
    private List<RateLimit> Limits(CurrentUser user, string familyId, string email)
    {
        var l = limits.Value;
        return
        [
            new RateLimit($"invitation-email:{familyId}:{email}", 1, l.ResendCooldown, "This invitation was sent moments ago; wait a little before sending it again."),
            RateLimit.PerDay($"invitations-per-inviter:{user.UserId}", l.InvitationsPerInviterPerDay, "You have sent as many invitations today as you may. Try again tomorrow."),
            RateLimit.PerDay($"invitations-per-family:{familyId}", l.InvitationsPerFamilyPerDay, "This family has sent as many invitations today as it may. Try again tomorrow."),
            RateLimit.PerDay($"invitations-per-recipient:{email}", l.InvitationsPerRecipientPerDay, "This address has received as many invitations today as it may. Try again tomorrow."),
            l.Budget,
        ];
    }

    /// <summary>Pending invitations addressed to the caller's email address, newest first.</summary>
    public async Task<Page<ReceivedInvitation>> ListReceivedAsync(CurrentUser user, PageRequest page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.FamilyInvitations
            .Where(i =>
                i.Email == db.Users.Where(u => u.Id == user.UserId).Select(u => u.Email).FirstOrDefault()
                && i.Status == InvitationStatus.Pending
                && i.ExpiresAt > now)
            .OrderByKeyset(i => i.CreatedAt, i => i.Id, descending: true, Keyset.After<DateTimeOffset>(ReceivedCursorKind, page.Cursor))
            .Take(page.Limit + 1)
            .Select(i => new ReceivedInvitation(i.Id, i.FamilyId, i.Family!.Name, i.InvitedBy!.Name, i.ExpiresAt, i.CreatedAt))
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, ReceivedCursorKind, i => i.CreatedAt, i => i.Id);
    }

    private async Task<FamilyInvitation> LockByIdAsync(string familyId, string invitationId, CancellationToken cancellationToken) =>
        (Cuid.IsValid(invitationId)
            ? await LockAsync(
                db.FamilyInvitations.FromSql($"SELECT * FROM family_invitations WHERE id = {invitationId} AND family_id = {familyId} FOR UPDATE"),
                cancellationToken)
            : null)
        ?? throw new NotFoundException(InvitationState.Resource);

    /// <summary>Runs a locking (FOR UPDATE) query as written: composing on it would move the lock into a subquery.</summary>
    internal static async Task<FamilyInvitation?> LockAsync(IQueryable<FamilyInvitation> locking, CancellationToken cancellationToken) =>
        (await locking.ToListAsync(cancellationToken)).SingleOrDefault();
}
