using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Families;

public sealed class FamilyMembersServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private Task<FamilyMember> ChangeRole(CurrentUser caller, string familyId, CurrentUser member, string? role) =>
        fixture.WithAsync<FamilyMembersService, FamilyMember>(s => s.ChangeRoleAsync(caller, familyId, member.UserId, new MemberRoleRequest(role), default));

    private Task Remove(CurrentUser caller, string familyId, CurrentUser member) =>
        fixture.WithAsync<FamilyMembersService>(s => s.RemoveAsync(caller, familyId, member.UserId, default));

    private Task<FamilyDetails> Details(CurrentUser caller, string familyId) =>
        fixture.WithAsync<FamilyService, FamilyDetails>(s => s.GetAsync(caller, familyId, default));

    [Fact]
    public async Task An_admin_promotes_a_member_and_demotes_an_admin()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);

        var promoted = await ChangeRole(ada, familyId, bob, "admin");
        var demoted = await ChangeRole(bob, familyId, ada, "member");

        Assert.Equal((bob.UserId, "Bob", FamilyRole.Admin), (promoted.UserId, promoted.Name, promoted.Role));
        Assert.Equal(FamilyRole.Member, demoted.Role);
        Assert.Equal(FamilyRole.Member, (await Details(ada, familyId)).Role);
    }

    [Fact]
    public async Task Role_changes_are_for_admins_members_get_403_outsiders_404()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var carol = await fixture.UserAsync("Carol");
        var eve = await fixture.UserAsync("Eve");
        var familyId = await fixture.FamilyAsync(ada, bob, carol);

        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => ChangeRole(bob, familyId, carol, "admin"));
        Assert.Equal("Only an admin of the family can do this.", refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => ChangeRole(bob, familyId, bob, "admin"));
        await Assert.ThrowsAsync<NotFoundException>(() => ChangeRole(eve, familyId, bob, "admin"));
        await Assert.ThrowsAsync<NotFoundException>(() => ChangeRole(ada, familyId, eve, "admin"));
        await Assert.ThrowsAsync<NotFoundException>(() => ChangeRole(ada, Cuid.NewId(), bob, "admin"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("owner")]
    public async Task A_role_must_be_admin_or_member(string? role)
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);

        var error = await Assert.ThrowsAsync<ValidationException>(() => ChangeRole(ada, familyId, bob, role));

        Assert.Contains("role", error.Errors.Keys);
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);

        var error = await Assert.ThrowsAsync<ConflictException>(() => ChangeRole(ada, familyId, ada, "member"));

        Assert.Contains("admin", error.Message, StringComparison.Ordinal);
        Assert.Equal(FamilyRole.Admin, (await Details(ada, familyId)).Role);
    }

    [Fact]
    public async Task Two_admins_demoting_themselves_at_once_leave_one_admin()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var carol = await fixture.UserAsync("Carol");
        var familyId = await fixture.FamilyAsync(ada, bob, carol);
        await ChangeRole(ada, familyId, bob, "admin");

        var results = await Task.WhenAll(
            Attempt(() => ChangeRole(ada, familyId, ada, "member")),
            Attempt(() => ChangeRole(bob, familyId, bob, "member")));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is ConflictException);
        Assert.Single((await Details(carol, familyId)).Members, m => m.Role == FamilyRole.Admin);
    }

    [Fact]
    public async Task A_member_leaves_and_an_admin_removes_a_member_but_members_cannot_remove_others()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var carol = await fixture.UserAsync("Carol");
        var eve = await fixture.UserAsync("Eve");
        var familyId = await fixture.FamilyAsync(ada, bob, carol);

        await Assert.ThrowsAsync<ForbiddenException>(() => Remove(bob, familyId, carol));
        await Assert.ThrowsAsync<NotFoundException>(() => Remove(eve, familyId, carol));
        await Assert.ThrowsAsync<NotFoundException>(() => Remove(ada, familyId, eve));
        await Remove(bob, familyId, bob);
        await Remove(ada, familyId, carol);

        Assert.Equal([ada.UserId], (await Details(ada, familyId)).Members.Select(m => m.UserId));
        await Assert.ThrowsAsync<NotFoundException>(() => Details(bob, familyId));
    }

    [Fact]
    public async Task The_last_admin_cannot_leave_while_members_remain()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);

        var error = await Assert.ThrowsAsync<ConflictException>(() => Remove(ada, familyId, ada));

        Assert.Contains("last admin", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await Details(ada, familyId)).Members.Count);
    }

    [Fact]
    public async Task An_admin_may_leave_when_another_admin_remains()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        await ChangeRole(ada, familyId, bob, "admin");

        await Remove(ada, familyId, ada);

        Assert.Equal([bob.UserId], (await Details(bob, familyId)).Members.Select(m => m.UserId));
    }

    [Fact]
    public async Task When_the_last_member_leaves_the_family_is_deleted()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);

        await Remove(ada, familyId, ada);

        Assert.False(await fixture.DbAsync(db => db.Families.AnyAsync(f => f.Id == familyId)));
    }

    private static async Task<Exception?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException e)
        {
            return e;
        }
    }
}
