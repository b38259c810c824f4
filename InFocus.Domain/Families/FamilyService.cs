using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Families;

/// <summary>Creating, listing, reading, renaming and deleting families.</summary>
public sealed class FamilyService(InFocusDbContext db)
{
    private const string CursorKind = "families";

    /// <summary>Creates a family with the caller as its first admin.</summary>
    public async Task<FamilySummary> CreateAsync(CurrentUser user, FamilyRequest request, CancellationToken cancellationToken)
    {
        var name = ValidName(request);
        var family = new Family { Name = name, CreatedById = user.UserId };
        family.Memberships.Add(new FamilyMembership { UserId = user.UserId, FamilyId = family.Id, Role = FamilyRole.Admin });
        db.Families.Add(family);
        await db.SaveChangesAsync(cancellationToken);
        return new FamilySummary(family.Id, family.Name, FamilyRole.Admin, 1, family.CreatedAt);
    }

    /// <summary>The caller's families by name, with the caller's role and each family's member count.</summary>
    public async Task<Page<FamilySummary>> ListAsync(CurrentUser user, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await db.FamilyMemberships
            .Where(m => m.UserId == user.UserId)
            .OrderByKeyset(m => m.Family!.Name, m => m.FamilyId, descending: false, Keyset.After<string>(CursorKind, page.Cursor))
            .Take(page.Limit + 1)
            .Select(m => new FamilySummary(m.FamilyId, m.Family!.Name, m.Role, m.Family.Memberships.Count, m.Family.CreatedAt))
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, CursorKind, f => f.Name, f => f.Id);
    }

    /// <summary>The family and its members (oldest first); 404 unless the caller is a member.</summary>
    public async Task<FamilyDetails> GetAsync(CurrentUser user, string familyId, CancellationToken cancellationToken)
    {
        if (!Cuid.IsValid(familyId))
        {
            throw new NotFoundException(FamilyAccess.Resource);
        }

        var family = await db.Families
            .Where(f => f.Id == familyId && f.Memberships.Any(m => m.UserId == user.UserId))
            .Select(f => new
            {
                f.Id,
                f.Name,
                f.CreatedById,
                Region = f.Region ?? f.CreatedBy!.Region,
                Role = f.Memberships.Where(m => m.UserId == user.UserId).Select(m => m.Role).First(),
                f.CreatedAt,
                f.UpdatedAt,
                Members = f.Memberships
                    .OrderBy(m => m.JoinedAt).ThenBy(m => m.Id)
                    .Select(m => new FamilyMember(m.UserId, m.User!.Name, m.Role, m.JoinedAt))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(FamilyAccess.Resource);
        return new FamilyDetails(family.Id, family.Name, family.CreatedById, family.Role, family.Region, family.CreatedAt, family.UpdatedAt, family.Members);
    }

    /// <summary>Renames the family and sets or resets its region (admins only).</summary>
    public async Task<FamilyDetails> UpdateAsync(CurrentUser user, string familyId, UpdateFamilyRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var name = request.Name.IsSet ? request.Name.Value?.Trim() : null;
        if (request.Name.IsSet)
        {
            validation.Required("name", name, FieldLimits.FamilyName);
        }

        string? region = null;
        if (request.Region.IsSet && request.Region.Value is not null && !Regions.TryNormalize(request.Region.Value, out region))
        {
            validation.Add("region", "must be an ISO 3166-1 alpha-2 country code such as US or GB, or null for the creator's region.");
        }

        if (!request.Name.IsSet && !request.Region.IsSet)
        {
            validation.Add("name", "or region is required: nothing to change.");
        }

        validation.ThrowIfInvalid();
        await FamilyAccess.RequireAdminAsync(db, user.UserId, familyId, cancellationToken);
        var setName = request.Name.IsSet;
        var setRegion = request.Region.IsSet;
        await db.Families.Where(f => f.Id == familyId).ExecuteUpdateAsync(
            s => s.SetProperty(f => f.Name, f => setName ? name! : f.Name).SetProperty(f => f.Region, f => setRegion ? region : f.Region),
            cancellationToken);

        return await GetAsync(user, familyId, cancellationToken);
    }

    /// <summary>
    /// Deletes the family with its memberships and invitations (admins only). Watchlists are untouched. One statement,
    /// conditional on the caller being an admin, so of concurrent deletes exactly one succeeds and the others find no
    /// family (404); only when nothing was deleted does a second statement tell 403 from 404.
    /// </summary>
    public async Task DeleteAsync(CurrentUser user, string familyId, CancellationToken cancellationToken)
    {
        var deleted = Cuid.IsValid(familyId)
            ? await db.Families
                .Where(f => f.Id == familyId
                    && db.FamilyMemberships.Any(m => m.FamilyId == f.Id && m.UserId == user.UserId && m.Role == FamilyRole.Admin))
                .ExecuteDeleteAsync(cancellationToken)
            : 0;
        if (deleted == 0)
        {
            await FamilyAccess.RequireAdminAsync(db, user.UserId, familyId, cancellationToken);
            throw new NotFoundException(FamilyAccess.Resource);
        }
    }

    private static string ValidName(FamilyRequest request)
    {
        var name = request.Name?.Trim();
        new Validation().Required("name", name, FieldLimits.FamilyName).ThrowIfInvalid();
        return name!;
    }
}
