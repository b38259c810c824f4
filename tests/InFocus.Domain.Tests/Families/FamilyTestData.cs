using InFocus.Domain.Accounts;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Families;

/// <summary>Rows the family and invitation tests start from, inserted directly (accounts and watchlists are other features).</summary>
internal static class FamilyTestData
{
    public static async Task<CurrentUser> UserAsync(this DomainFixture fixture, string name, string? email = null)
    {
        var user = new User
        {
            Email = email ?? $"{name.ToLowerInvariant()}.{Guid.NewGuid():N}@example.test",
            Name = name,
            PasswordHash = "$2a$04$notarealhashnotarealhashnotarealhashnotarealhashnotar",
        };
        await fixture.DbAsync(async db =>
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        });
        return new CurrentUser(user.Id, "test-session");
    }

    public static async Task<string> EmailOfAsync(this DomainFixture fixture, CurrentUser user) =>
        await fixture.DbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == user.UserId).Email));

    /// <summary>A family with <paramref name="admin"/> as its admin and the others as members.</summary>
    public static async Task<string> FamilyAsync(this DomainFixture fixture, CurrentUser admin, params CurrentUser[] members)
    {
        var family = await fixture.WithAsync<FamilyService, FamilySummary>(s => s.CreateAsync(admin, new FamilyRequest("The Testers"), default));
        foreach (var member in members)
        {
            await fixture.JoinAsync(family.Id, member, FamilyRole.Member);
        }

        return family.Id;
    }

    public static Task JoinAsync(this DomainFixture fixture, string familyId, CurrentUser user, FamilyRole role) =>
        fixture.DbAsync(async db =>
        {
            db.FamilyMemberships.Add(new FamilyMembership { FamilyId = familyId, UserId = user.UserId, Role = role });
            await db.SaveChangesAsync();
        });

    public static async Task<string> TitleAsync(this DomainFixture fixture, string title)
    {
        var item = new MediaItem { TmdbId = Random.Shared.Next(1, int.MaxValue), TmdbType = MediaType.Movie, Title = title };
        await fixture.DbAsync(async db =>
        {
            db.MediaItems.Add(item);
            await db.SaveChangesAsync();
        });
        return item.Id;
    }

    public static Task WatchAsync(this DomainFixture fixture, CurrentUser user, string mediaItemId, WatchStatus status, int? rating = null) =>
        fixture.DbAsync(async db =>
        {
            db.WatchlistEntries.Add(new WatchlistEntry { UserId = user.UserId, MediaItemId = mediaItemId, Status = status, Rating = rating });
            await db.SaveChangesAsync();
        });
}
