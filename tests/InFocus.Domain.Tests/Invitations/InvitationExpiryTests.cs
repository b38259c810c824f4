using InFocus.Domain.Invitations;
using InFocus.Domain.Tests.Families;
using InFocus.TestKit;
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

    [Fact]
    public async Task Expiry_works_in_batches_of_a_bounded_size_one_statement_each()
    {
        var admin = Entities.User();
        var family = Entities.Family(admin);
        var overdue = Enumerable.Range(0, InvitationExpiry.BatchSize + 5)
            .Select(i => Entities.Invitation(family, $"overdue{i}@example.test", admin, expiresAt: fixture.Clock.GetUtcNow().AddMinutes(-1)))
            .ToList();
        await fixture.SaveAsync([admin, family, .. overdue]);
        // As autovacuum would have long before invitations expire (they live 7 days). With the statistics of the empty
        // table the planner re-runs the batch's subquery for every due row (3-7 s here); with them each batch is a
        // primary-key lookup of its ids, the plan the jobs benchmark measures (docs/performance.md, "Background jobs").
        await fixture.DbAsync(db => db.Database.ExecuteSqlRawAsync("ANALYZE family_invitations"));

        fixture.Statements.Reset();
        var expired = await fixture.WithAsync<InvitationExpiry, int>(e => e.ExpireAsync(default));

        Assert.Equal(overdue.Count, expired);
        Assert.Equal(2, fixture.Statements.Count);
        Assert.Equal(overdue.Count, await fixture.DbAsync(db => db.FamilyInvitations.CountAsync(i => i.FamilyId == family.Id && i.Status == InvitationStatus.Expired)));
    }
}
