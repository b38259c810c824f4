using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Families;

public sealed class FamilyServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private Task<T> Families<T>(Func<FamilyService, Task<T>> work) => fixture.WithAsync(work);

    [Fact]
    public async Task Create_makes_the_creator_its_first_admin()
    {
        var ada = await fixture.UserAsync("Ada");

        var family = await Families(s => s.CreateAsync(ada, new FamilyRequest("  The Lovelaces "), default));

        Assert.Equal("The Lovelaces", family.Name);
        Assert.Equal(FamilyRole.Admin, family.Role);
        Assert.Equal(1, family.MemberCount);
        var details = await Families(s => s.GetAsync(ada, family.Id, default));
        Assert.Equal(ada.UserId, details.CreatedById);
        var member = Assert.Single(details.Members);
        Assert.Equal((ada.UserId, "Ada", FamilyRole.Admin), (member.UserId, member.Name, member.Role));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Create_requires_a_name(string? name)
    {
        var ada = await fixture.UserAsync("Ada");

        var error = await Assert.ThrowsAsync<ValidationException>(() => Families(s => s.CreateAsync(ada, new FamilyRequest(name), default)));

        Assert.Contains("name", error.Errors.Keys);
    }

    [Fact]
    public async Task Create_rejects_a_name_longer_than_the_limit()
    {
        var ada = await fixture.UserAsync("Ada");

        await Assert.ThrowsAsync<ValidationException>(() =>
            Families(s => s.CreateAsync(ada, new FamilyRequest(new string('x', FieldLimits.FamilyName + 1)), default)));
    }

    [Fact]
    public async Task List_shows_only_the_callers_families_by_name_with_role_and_member_count_in_pages()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var carol = await fixture.UserAsync("Carol");
        var zeta = await Families(s => s.CreateAsync(ada, new FamilyRequest("Zeta"), default));
        var alpha = await Families(s => s.CreateAsync(bob, new FamilyRequest("Alpha"), default));
        await fixture.JoinAsync(alpha.Id, ada, FamilyRole.Member);
        await fixture.JoinAsync(alpha.Id, carol, FamilyRole.Member);
        var mid = await Families(s => s.CreateAsync(ada, new FamilyRequest("Mid"), default));
        await Families(s => s.CreateAsync(carol, new FamilyRequest("Not Ada's"), default));

        var first = await Families(s => s.ListAsync(ada, new PageRequest(2, null), default));
        var second = await Families(s => s.ListAsync(ada, new PageRequest(2, first.NextCursor), default));

        Assert.Equal([alpha.Id, mid.Id], first.Items.Select(f => f.Id));
        Assert.Equal((FamilyRole.Member, 3), (first.Items[0].Role, first.Items[0].MemberCount));
        Assert.Equal([zeta.Id], second.Items.Select(f => f.Id));
        Assert.Equal((FamilyRole.Admin, 1), (second.Items[0].Role, second.Items[0].MemberCount));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task List_runs_one_statement_however_many_families_and_members()
    {
        var ada = await fixture.UserAsync("Ada");
        for (var i = 0; i < 5; i++)
        {
            await fixture.FamilyAsync(ada, await fixture.UserAsync($"Member{i}"), await fixture.UserAsync($"Other{i}"));
        }

        fixture.Statements.Reset();
        var page = await Families(s => s.ListAsync(ada, PageRequest.First, default));

        Assert.Equal(5, page.Items.Count);
        Assert.All(page.Items, f => Assert.Equal(3, f.MemberCount));
        Assert.Equal(1, fixture.Statements.Count);
    }

    [Fact]
    public async Task Get_is_404_for_someone_who_is_not_a_member_and_for_unknown_or_malformed_ids()
    {
        var ada = await fixture.UserAsync("Ada");
        var eve = await fixture.UserAsync("Eve");
        var familyId = await fixture.FamilyAsync(ada);

        await Assert.ThrowsAsync<NotFoundException>(() => Families(s => s.GetAsync(eve, familyId, default)));
        await Assert.ThrowsAsync<NotFoundException>(() => Families(s => s.GetAsync(ada, Cuid.NewId(), default)));
        await Assert.ThrowsAsync<NotFoundException>(() => Families(s => s.GetAsync(ada, "not-an-id", default)));
    }

    [Fact]
    public async Task Get_lists_members_oldest_first_with_the_callers_role()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);

        var details = await Families(s => s.GetAsync(bob, familyId, default));

        Assert.Equal(FamilyRole.Member, details.Role);
        Assert.Equal(["Ada", "Bob"], details.Members.Select(m => m.Name));
    }

    [Fact]
    public async Task Only_admins_rename_and_delete_members_get_403_and_outsiders_404()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var eve = await fixture.UserAsync("Eve");
        var familyId = await fixture.FamilyAsync(ada, bob);

        await Assert.ThrowsAsync<ForbiddenException>(() => Families(s => s.UpdateAsync(bob, familyId, new UpdateFamilyRequest(Name: "Bob's"), default)));
        await Assert.ThrowsAsync<NotFoundException>(() => Families(s => s.UpdateAsync(eve, familyId, new UpdateFamilyRequest(Name: "Eve's"), default)));
        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.WithAsync<FamilyService>(s => s.DeleteAsync(bob, familyId, default)));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<FamilyService>(s => s.DeleteAsync(eve, familyId, default)));

        var renamed = await Families(s => s.UpdateAsync(ada, familyId, new UpdateFamilyRequest(Name: "Renamed"), default));
        Assert.Equal("Renamed", renamed.Name);
    }

    [Fact]
    public async Task A_family_watches_in_its_creators_region_until_an_admin_sets_its_own_and_null_goes_back()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        await fixture.DbAsync(db => db.Users.Where(u => u.Id == ada.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Region, "GB")));

        var inherited = await Families(s => s.GetAsync(bob, familyId, default));
        var own = await Families(s => s.UpdateAsync(ada, familyId, new UpdateFamilyRequest(Region: "us"), default));
        var renamed = await Families(s => s.UpdateAsync(ada, familyId, new UpdateFamilyRequest(Name: "Renamed"), default));
        var reset = await Families(s => s.UpdateAsync(ada, familyId, new UpdateFamilyRequest(Region: null), default));

        Assert.Equal(("GB", "US", "US", "GB"), (inherited.Region, own.Region, renamed.Region, reset.Region));
        await Assert.ThrowsAsync<ForbiddenException>(() => Families(s => s.UpdateAsync(bob, familyId, new UpdateFamilyRequest(Region: "FR"), default)));
        var invalid = await Assert.ThrowsAsync<ValidationException>(() => Families(s => s.UpdateAsync(ada, familyId, new UpdateFamilyRequest(Region: "France"), default)));
        Assert.Contains("region", invalid.Errors.Keys);
        await Assert.ThrowsAsync<ValidationException>(() => Families(s => s.UpdateAsync(ada, familyId, new UpdateFamilyRequest(), default)));
    }

    [Fact]
    public async Task Delete_removes_the_family_with_its_memberships_and_invitations()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        await fixture.DbAsync(async db =>
        {
            db.FamilyInvitations.Add(new FamilyInvitation
            {
                FamilyId = familyId,
                Email = "someone@example.test",
                TokenHash = SecureToken.Hash(SecureToken.Generate()),
                ExpiresAt = fixture.Clock.GetUtcNow().AddDays(7),
            });
            await db.SaveChangesAsync();
        });

        await fixture.WithAsync<FamilyService>(s => s.DeleteAsync(ada, familyId, default));

        await Assert.ThrowsAsync<NotFoundException>(() => Families(s => s.GetAsync(ada, familyId, default)));
        Assert.False(await fixture.DbAsync(db => db.FamilyMemberships.AnyAsync(m => m.FamilyId == familyId)));
        Assert.False(await fixture.DbAsync(db => db.FamilyInvitations.AnyAsync(i => i.FamilyId == familyId)));
    }
}
