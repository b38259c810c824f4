using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Families;

/// <summary>
/// Role changes and removals. Each runs in a transaction holding the family's row lock, so two admins demoting or
/// removing each other at once cannot leave a family with members but no admin.
/// </summary>
public sealed class FamilyMembersService(InFocusDbContext db)
{
    private const string MemberResource = "Member";

    /// <summary>Makes a member an admin or an admin a member (admins only).</summary>
    public async Task<FamilyMember> ChangeRoleAsync(
        CurrentUser user, string familyId, string memberUserId, MemberRoleRequest request, CancellationToken cancellationToken)
    {
        var role = SnakeCaseEnum<FamilyRole>.ParseOptional("role", request.Role)
            ?? throw ValidationException.For("role", "is required.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (caller, target) = await LockAndLoadAsync(user, familyId, memberUserId, cancellationToken);
        FamilyAccess.EnsureAdmin(caller.Role);
        if (target is null)
        {
            throw new NotFoundException(MemberResource);
        }

        if (target.Role == FamilyRole.Admin && role != FamilyRole.Admin && !await HasOtherAdminAsync(target, cancellationToken))
        {
            throw new ConflictException("A family needs at least one admin: make another member an admin first.");
        }

        target.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var name = await db.Users.Where(u => u.Id == target.UserId).Select(u => u.Name).SingleAsync(cancellationToken);
        return new FamilyMember(target.UserId, name, target.Role, target.JoinedAt);
    }

    /// <summary>
    /// Removes a member: an admin may remove anyone, any member may remove themself (leave). The last admin cannot
    /// leave while other members remain; when the last member leaves, the family is deleted with its invitations.
    /// </summary>
    public async Task RemoveAsync(CurrentUser user, string familyId, string memberUserId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (caller, target) = await LockAndLoadAsync(user, familyId, memberUserId, cancellationToken);
        if (!ReferenceEquals(caller, target))
        {
            FamilyAccess.EnsureAdmin(caller.Role);
        }

        if (target is null)
        {
            throw new NotFoundException(MemberResource);
        }

        var others = await db.FamilyMemberships
            .Where(m => m.FamilyId == familyId && m.Id != target.Id)
            .GroupBy(m => 1)
            .Select(g => new { Members = g.Count(), Admins = g.Count(m => m.Role == FamilyRole.Admin) })
            .SingleOrDefaultAsync(cancellationToken);
        if (others is null)
        {
            await db.Families.Where(f => f.Id == familyId).ExecuteDeleteAsync(cancellationToken);
        }
        else if (target.Role == FamilyRole.Admin && others.Admins == 0)
        {
            throw new ConflictException("The last admin cannot leave while other members remain: make another member an admin first.");
        }
        else
        {
            db.FamilyMemberships.Remove(target);
            await db.SaveChangesAsync(cancellationToken);
            await FamilyNotifications.MembersAsync(db, NotificationType.MemberLeft, familyId, target.UserId, $"member_left:{target.Id}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<(FamilyMembership Caller, FamilyMembership? Target)> LockAndLoadAsync(
        CurrentUser user, string familyId, string memberUserId, CancellationToken cancellationToken)
    {
        if (!await FamilyAccess.LockAsync(db, familyId, cancellationToken))
        {
            throw new NotFoundException(FamilyAccess.Resource);
        }

        var memberships = await db.FamilyMemberships
            .Where(m => m.FamilyId == familyId && (m.UserId == user.UserId || m.UserId == memberUserId))
            .ToListAsync(cancellationToken);
        var caller = memberships.SingleOrDefault(m => m.UserId == user.UserId) ?? throw new NotFoundException(FamilyAccess.Resource);
        return (caller, memberships.SingleOrDefault(m => m.UserId == memberUserId));
    }

    private Task<bool> HasOtherAdminAsync(FamilyMembership admin, CancellationToken cancellationToken) =>
        db.FamilyMemberships.AnyAsync(m => m.FamilyId == admin.FamilyId && m.Role == FamilyRole.Admin && m.Id != admin.Id, cancellationToken);
}
