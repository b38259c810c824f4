using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InFocus.Domain.Tonight;

/// <summary>
/// <c>POST</c> and <c>GET /api/families/{id}/tonight/picks</c>: the titles a family chose to watch, newest first, with
/// who was present and who of them confirmed by recording a viewing of the title (see <see cref="TonightPick"/>). Every
/// pick is an evening of its own (two picks of one title are two evenings).
/// </summary>
public sealed class TonightPickService(InFocusDbContext db, TonightService tonight, MediaImages images)
{
    private const string CursorKind = "tonight-picks";

    public async Task<TonightPickResponse> PickAsync(CurrentUser user, string familyId, TonightPickRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Id("mediaItemId", request.MediaItemId);
        if (request.Members is { Count: > TonightService.MaxMembers })
        {
            validation.Add("members", $"must name at most {TonightService.MaxMembers} members.");
        }
        else if (request.Members?.Any(id => !Cuid.IsValid(id)) == true)
        {
            validation.Add("members", "must be user ids.");
        }

        validation.ThrowIfInvalid();
        var family = await tonight.FamilyAsync(user, familyId, cancellationToken);
        var present = TonightService.Present(family.Members, request.Members?.Distinct(StringComparer.Ordinal).ToList(), "members");
        var pick = new TonightPick
        {
            FamilyId = familyId,
            MediaItemId = request.MediaItemId!,
            PickedById = user.UserId,
            MemberIds = present.Select(m => m.UserId).ToList(),
        };

        // Inserted only while the title exists and the caller is still a member; a family deleted meanwhile is a 404
        // whether the insert lost the race (foreign key) or won it and the pick went with the family.
        int inserted;
        try
        {
            inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO tonight_picks (id, family_id, media_item_id, picked_by_id, member_ids)
                SELECT {pick.Id}, fm.family_id, m.id, {pick.PickedById}, {pick.MemberIds}
                FROM media_items AS m
                JOIN family_memberships AS fm ON fm.family_id = {familyId} AND fm.user_id = {user.UserId}
                WHERE m.id = {pick.MediaItemId}
                """, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new NotFoundException(FamilyAccess.Resource);
        }

        if (inserted == 0)
        {
            throw new NotFoundException(await db.MediaItems.AnyAsync(m => m.Id == pick.MediaItemId, cancellationToken) ? FamilyAccess.Resource : "Title");
        }

        var recorded = await Project(db.TonightPicks.Where(p => p.Id == pick.Id)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(FamilyAccess.Resource);
        return recorded.ToResponse(images);
    }

    public async Task<Page<TonightPickResponse>> ListAsync(CurrentUser user, string familyId, PageRequest page, CancellationToken cancellationToken)
    {
        await FamilyAccess.RoleAsync(db, user.UserId, familyId, cancellationToken);
        var rows = await Project(db.TonightPicks
                .Where(p => p.FamilyId == familyId)
                .OrderByKeyset(p => p.PickedAt, p => p.Id, descending: true, Keyset.After<DateTimeOffset>(CursorKind, page.Cursor))
                .Take(page.Limit + 1))
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, CursorKind, r => r.PickedAt, r => r.Id).Map(r => r.ToResponse(images));
    }

    private IQueryable<PickRow> Project(IQueryable<TonightPick> picks) =>
        picks
            .AsNoTracking()
            .Select(p => new PickRow(
                p.Id,
                p.PickedAt,
                new TitleRow(p.MediaItem!.Id, p.MediaItem.TmdbId, p.MediaItem.TmdbType, p.MediaItem.Title, p.MediaItem.PosterPath, p.MediaItem.ReleaseDate, p.MediaItem.Genres),
                p.PickedBy == null ? null : new TonightMember(p.PickedBy.Id, p.PickedBy.Name),
                db.Users.Where(u => p.MemberIds.Contains(u.Id)).OrderBy(u => u.Name).ThenBy(u => u.Id).Select(u => new TonightMember(u.Id, u.Name)).ToList(),
                db.Users.Where(u => p.ConfirmedIds.Contains(u.Id)).OrderBy(u => u.Name).ThenBy(u => u.Id).Select(u => new TonightMember(u.Id, u.Name)).ToList()));

    private sealed record PickRow(
        string Id, DateTimeOffset PickedAt, TitleRow Title, TonightMember? PickedBy, List<TonightMember> Members, List<TonightMember> ConfirmedBy)
    {
        public TonightPickResponse ToResponse(MediaImages images) => new(Id, Title.ToSummary(images), PickedBy, Members, ConfirmedBy, PickedAt);
    }
}
