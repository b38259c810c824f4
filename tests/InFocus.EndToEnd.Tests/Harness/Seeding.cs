using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Domain.Media;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// Rows a test starts from, written straight into the host's database, for tests whose subject is not how the rows
/// came to be (a race, an outage, the logs): families of signed-up users, titles, and invitations whose raw token the
/// test knows.
/// </summary>
internal static class Seeding
{
    /// <summary>A family with <paramref name="admins"/> as admins and <paramref name="members"/> as members; its id.</summary>
    public static async Task<string> SeedFamilyAsync(this DevHostFixture host, SignedInUser[] admins, params SignedInUser[] members)
    {
        var family = new Family { Name = "Race night", CreatedById = admins[0].Id };
        await host.DbAsync(db =>
        {
            db.Families.Add(family);
            db.FamilyMemberships.AddRange(
                admins.Select(a => new FamilyMembership { FamilyId = family.Id, UserId = a.Id, Role = FamilyRole.Admin })
                    .Concat(members.Select(m => new FamilyMembership { FamilyId = family.Id, UserId = m.Id, Role = FamilyRole.Member })));
            return db.SaveChangesAsync();
        });
        return family.Id;
    }

    public static async Task<MediaItem> SeedTitleAsync(this DevHostFixture host)
    {
        var title = Entities.MediaItem();
        await host.DbAsync(db =>
        {
            db.MediaItems.Add(title);
            return db.SaveChangesAsync();
        });
        return title;
    }

    /// <summary>A pending invitation of <paramref name="email"/> to the family; returns the raw token its link would carry.</summary>
    public static async Task<string> SeedInvitationAsync(this DevHostFixture host, string familyId, string email)
    {
        var token = SecureToken.Generate();
        await host.DbAsync(db =>
        {
            db.FamilyInvitations.Add(new FamilyInvitation
            {
                FamilyId = familyId,
                Email = EmailAddress.Normalize(email),
                TokenHash = SecureToken.Hash(token),
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
            });
            return db.SaveChangesAsync();
        });
        return token;
    }

    /// <summary>Runs <paramref name="test"/> with <paramref name="count"/> new users, disposing their clients after.</summary>
    public static async Task WithUsersAsync(this DevHostFixture host, int count, Func<SignedInUser[], Task> test)
    {
        var users = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => host.SignUpAsync()));
        try
        {
            await test(users);
        }
        finally
        {
            foreach (var user in users)
            {
                user.Dispose();
            }
        }
    }
}
