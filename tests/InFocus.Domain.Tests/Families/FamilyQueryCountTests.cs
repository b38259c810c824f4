using InFocus.Domain.Accounts;
using InFocus.Domain.Families;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Families;

/// <summary>Each family endpoint runs the same small number of SQL statements for a family of 4 or of 300 (no N+1).</summary>
public sealed class FamilyQueryCountTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Each_family_operation_costs_the_same_statements_whatever_the_familys_size()
    {
        var costs = new List<Dictionary<string, int>>();
        foreach (var size in new[] { 4, 300 })
        {
            var (admin, familyId, members) = await FamilyAsync(size);
            costs.Add(new Dictionary<string, int>
            {
                ["create"] = await fixture.StatementsOfAsync<FamilyService>(s => s.CreateAsync(admin, new FamilyRequest("Another"), default)),
                ["get"] = await fixture.StatementsOfAsync<FamilyService>(s => s.GetAsync(admin, familyId, default)),
                ["rename"] = await fixture.StatementsOfAsync<FamilyService>(s => s.UpdateAsync(admin, familyId, new UpdateFamilyRequest(Name: "Renamed"), default)),
                ["promote"] = await fixture.StatementsOfAsync<FamilyMembersService>(s => s.ChangeRoleAsync(admin, familyId, members[0].Id, new MemberRoleRequest("admin"), default)),
                ["demote"] = await fixture.StatementsOfAsync<FamilyMembersService>(s => s.ChangeRoleAsync(admin, familyId, members[0].Id, new MemberRoleRequest("member"), default)),
                ["remove"] = await fixture.StatementsOfAsync<FamilyMembersService>(s => s.RemoveAsync(admin, familyId, members[1].Id, default)),
                ["leave"] = await fixture.StatementsOfAsync<FamilyMembersService>(s => s.RemoveAsync(members[2].AsCaller(), familyId, members[2].Id, default)),
                ["delete"] = await fixture.StatementsOfAsync<FamilyService>(s => s.DeleteAsync(admin, familyId, default)),
            });
        }

        var expected = new Dictionary<string, int>
        {
            ["create"] = 1, ["get"] = 1, ["rename"] = 3, ["promote"] = 4, ["demote"] = 5, ["remove"] = 5, ["leave"] = 5, ["delete"] = 1,
        };
        Assert.Equal(expected, costs[0]);
        Assert.Equal(expected, costs[1]);
    }

    /// <summary>A family of <paramref name="size"/>: its admin and the other members, inserted in one go.</summary>
    private async Task<(CurrentUser Admin, string FamilyId, List<User> Members)> FamilyAsync(int size)
    {
        var admin = Entities.User(name: "Admin");
        var family = Entities.Family(admin);
        var members = Enumerable.Range(0, size - 1).Select(i => Entities.User(name: $"Member {i}")).ToList();
        await fixture.SaveAsync(
            [admin, family, Entities.Membership(family, admin, FamilyRole.Admin), .. members, .. members.Select(m => Entities.Membership(family, m))]);
        return (admin.AsCaller(), family.Id, members);
    }
}
