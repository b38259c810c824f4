using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Families;

public sealed class FamilyAccessTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task A_malformed_family_id_is_not_found_without_asking_the_database()
    {
        var ada = await fixture.UserAsync("Ada");

        fixture.Statements.Reset();
        var refused = await Assert.ThrowsAsync<NotFoundException>(() =>
            fixture.DbAsync(db => FamilyAccess.RoleAsync(db, ada.UserId, "not a family id", default)));

        Assert.Equal(0, fixture.Statements.Count);
        Assert.Equal(FamilyAccess.Resource, refused.Resource);
    }

    [Fact]
    public async Task Only_an_existing_family_can_be_locked()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);

        Assert.True(await fixture.DbAsync(db => FamilyAccess.LockAsync(db, familyId, default)));
        Assert.False(await fixture.DbAsync(db => FamilyAccess.LockAsync(db, Cuid.NewId(), default)));
        fixture.Statements.Reset();
        Assert.False(await fixture.DbAsync(db => FamilyAccess.LockAsync(db, "not a family id", default)));
        Assert.Equal(0, fixture.Statements.Count);
    }
}
