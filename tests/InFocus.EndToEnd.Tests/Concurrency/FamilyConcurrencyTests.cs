using System.Net;
using InFocus.Domain.Families;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

[Collection(ConcurrencyCollection.Name)]
public sealed class FamilyConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Creating_n_families_at_once_makes_n_families_each_with_its_creator_as_admin() =>
        await host.WithUsersAsync(1, async users =>
        {
            var answers = await Concurrently.SendAsync(N, i => users[0].Client.PostJsonAsync("api/families", new { name = $"Family {i}" }));

            answers.AssertCounts((Created, N));
            Assert.Equal(N, await host.DbAsync(db => db.FamilyMemberships.CountAsync(m => m.UserId == users[0].Id && m.Role == FamilyRole.Admin)));
        });

    [Fact]
    public async Task Renaming_a_family_n_times_at_once_applies_every_rename_and_keeps_the_last() =>
        await host.WithUsersAsync(1, async users =>
        {
            var familyId = await host.SeedFamilyAsync(users);

            var answers = await Concurrently.SendAsync(N, i => users[0].Client.PatchJsonAsync($"api/families/{familyId}", $$"""{ "name": "Name {{i}}" }"""));

            answers.AssertCounts((OK, N));
            var name = await host.DbAsync(db => db.Families.Where(f => f.Id == familyId).Select(f => f.Name).SingleAsync());
            Assert.Matches("^Name [0-7]$", name);
        });

    [Fact]
    public async Task Deleting_a_family_n_times_at_once_deletes_it_once_with_its_memberships_and_invitations() =>
        await host.WithUsersAsync(3, async users =>
        {
            var familyId = await host.SeedFamilyAsync([users[0], users[1]], users[2]);
            await host.SeedInvitationAsync(familyId, "someone@example.com");

            var answers = await Concurrently.SendAsync(N, i => users[i % 2].Client.DeleteAsync($"api/families/{familyId}"));

            answers.AssertCounts((NoContent, 1), (NotFound, N - 1));
            Assert.Equal((0, 0, 0), await host.DbAsync(async db => (
                await db.Families.CountAsync(f => f.Id == familyId),
                await db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId),
                await db.FamilyInvitations.CountAsync(i => i.FamilyId == familyId))));
        });

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin_and_the_other_gets_409() =>
        await host.WithUsersAsync(2, async users =>
        {
            var familyId = await host.SeedFamilyAsync(users);

            var answers = await Concurrently.SendAsync(
                () => users[0].Client.PatchJsonAsync($"api/families/{familyId}/members/{users[1].Id}", """{ "role": "member" }"""),
                () => users[1].Client.PatchJsonAsync($"api/families/{familyId}/members/{users[0].Id}", """{ "role": "member" }"""));

            // The loser is no admin any more by the time it runs (403), or the last admin it would demote (409).
            Assert.Single(answers.All, a => a.Status == OK);
            answers.AssertOnly(OK, Forbidden, Conflict);
            Assert.Equal(1, await AdminsAsync(familyId));
        });

    [Fact]
    public async Task Changing_one_role_n_times_at_once_answers_the_same_every_time() =>
        await host.WithUsersAsync(2, async users =>
        {
            var familyId = await host.SeedFamilyAsync([users[0]], users[1]);

            var answers = await Concurrently.SendAsync(N, _ =>
                users[0].Client.PatchJsonAsync($"api/families/{familyId}/members/{users[1].Id}", """{ "role": "admin" }"""));

            answers.AssertCounts((OK, N));
            Assert.Equal(2, await AdminsAsync(familyId));
        });

    [Fact]
    public async Task Removing_one_member_n_times_at_once_removes_them_once() =>
        await host.WithUsersAsync(2, async users =>
        {
            var familyId = await host.SeedFamilyAsync([users[0]], users[1]);

            var answers = await Concurrently.SendAsync(N, i =>
                users[i % 2].Client.DeleteAsync($"api/families/{familyId}/members/{users[1].Id}"));

            // The admin removing or the member leaving: one of them succeeds, the others find no such member (or, for the
            // member who has left, no such family).
            answers.AssertCounts((NoContent, 1), (NotFound, N - 1));
            Assert.Equal(1, await host.DbAsync(db => db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId)));
        });

    [Fact]
    public async Task Everyone_leaving_at_once_leaves_a_family_that_has_an_admin_or_no_family_at_all() =>
        await host.WithUsersAsync(5, async users =>
        {
            var familyId = await host.SeedFamilyAsync([users[0]], users[1..]);

            var answers = await Concurrently.SendAsync(users.Length, i =>
                users[i].Client.DeleteAsync($"api/families/{familyId}/members/{users[i].Id}"));

            answers.AssertOnly(NoContent, Conflict);
            Assert.Equal(users.Length - 1, answers.Count(NoContent) - (answers.All[0].Status == NoContent ? 1 : 0));
            var (families, members, admins) = await host.DbAsync(async db => (
                await db.Families.CountAsync(f => f.Id == familyId),
                await db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId),
                await db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId && m.Role == FamilyRole.Admin)));
            Assert.True(
                (families, members, admins) is (0, 0, 0) or (1, 1, 1),
                $"family rows {families}, members {members}, admins {admins}; answers {string.Join(",", answers.Codes)}");
        });

    private Task<int> AdminsAsync(string familyId) =>
        host.DbAsync(db => db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId && m.Role == FamilyRole.Admin));
}
