using InFocus.Domain.Invitations;
using InFocus.Domain.Tests.Families;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Invitations;

public sealed class InvitationExpiryTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    [Fact]
    public async Task Expiry_marks_only_pending_invitations_past_their_expiry_in_set_based_statements()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        for (var i = 0; i < 3; i++)
        {
            await fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.CreateAsync(ada, familyId, new CreateInvitationRequest($"old{i}@example.test"), default));
        }

        var revoked = await fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.CreateAsync(ada, familyId, new CreateInvitationRequest("revoked@example.test"), default));
        await fixture.WithAsync<FamilyInvitationsService>(s => s.RevokeAsync(ada, familyId, revoked.Id, default));
        fixture.Clock.Advance(TimeSpan.FromDays(5));
        await fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.CreateAsync(ada, familyId, new CreateInvitationRequest("fresh@example.test"), default));
        fixture.Clock.Advance(TimeSpan.FromDays(3));

        fixture.Statements.Reset();
        var expired = await fixture.WithAsync<InvitationExpiry, int>(e => e.ExpireAsync(default));

        Assert.Equal(3, expired);
        Assert.Equal(1, fixture.Statements.Count);
        var statuses = await fixture.DbAsync(db => db.FamilyInvitations.Where(i => i.FamilyId == familyId).ToDictionaryAsync(i => i.Email, i => i.Status));
        Assert.Equal(InvitationStatus.Expired, statuses["old0@example.test"]);
        Assert.Equal(InvitationStatus.Revoked, statuses["revoked@example.test"]);
        Assert.Equal(InvitationStatus.Pending, statuses["fresh@example.test"]);
        Assert.Equal(0, await fixture.WithAsync<InvitationExpiry, int>(e => e.ExpireAsync(default)));
    }
}
