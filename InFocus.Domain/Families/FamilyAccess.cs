using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Families;

/// <summary>
/// Who may do what to a family. Someone who is not a member learns nothing (404, as if the family did not exist);
/// a member attempting an admin-only action is told so (403), since they already know the family.
/// </summary>
internal static class FamilyAccess
{
    public const string Resource = "Family";

    /// <summary>The member's role, or null. Compiled once: every family endpoint runs it.</summary>
    private static readonly Func<InFocusDbContext, string, string, CancellationToken, Task<FamilyRole?>> MemberRole =
        EF.CompileAsyncQuery((InFocusDbContext db, string userId, string familyId, CancellationToken _) => db.FamilyMemberships
            .Where(m => m.FamilyId == familyId && m.UserId == userId)
            .Select(m => (FamilyRole?)m.Role)
            .SingleOrDefault());

    /// <summary>The caller's role in the family; 404 when the caller is not a member or the id is malformed.</summary>
    public static async Task<FamilyRole> RoleAsync(InFocusDbContext db, string userId, string familyId, CancellationToken cancellationToken)
    {
        if (!Cuid.IsValid(familyId))
        {
            throw new NotFoundException(Resource);
        }

        return await MemberRole(db, userId, familyId, cancellationToken) ?? throw new NotFoundException(Resource);
    }

    public static async Task RequireAdminAsync(InFocusDbContext db, string userId, string familyId, CancellationToken cancellationToken) =>
        EnsureAdmin(await RoleAsync(db, userId, familyId, cancellationToken));

    public static void EnsureAdmin(FamilyRole role)
    {
        if (role != FamilyRole.Admin)
        {
            throw new ForbiddenException("Only an admin of the family can do this.");
        }
    }

    /// <summary>
    /// Locks the family row until the transaction ends, so membership changes of one family happen one at a time
    /// and rules such as "a family keeps an admin" hold under concurrency. False when the family does not exist.
    /// </summary>
    public static async Task<bool> LockAsync(InFocusDbContext db, string familyId, CancellationToken cancellationToken)
    {
        if (!Cuid.IsValid(familyId))
        {
            return false;
        }

        var locked = await db.Database
            .SqlQuery<string>($"SELECT id AS \"Value\" FROM families WHERE id = {familyId} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.Count == 1;
    }
}
