using InFocus.Domain.Invitations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Invitations;

/// <summary>The outbox sweep (<c>RequeueInvitationEmails</c>) at volume: set-based, in bounded batches.</summary>
public sealed class InvitationOutboxSweepTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    [Fact]
    public async Task Stranded_invitations_are_reissued_and_enqueued_in_batches_of_three_statements_each()
    {
        var admin = Entities.User();
        var family = Entities.Family(admin);
        var stranded = Enumerable.Range(0, InvitationEmailOutbox.BatchSize + 5)
            .Select(i => Entities.Invitation(family, $"stranded{i}@example.test", admin))
            .ToList();
        await fixture.SaveAsync([admin, family, .. stranded]);

        fixture.Statements.Reset();
        var requeued = await fixture.WithAsync<InvitationEmailOutbox, int>(o => o.RequeueStrandedAsync(TimeSpan.Zero, default));

        Assert.Equal(stranded.Count, requeued);
        Assert.Equal(2 * 3, fixture.Statements.Count);
        var messages = (await fixture.DrainQueueAsync()).Select(m => InvitationEmailMessage.TryParse(m)!).ToList();
        Assert.Equal(stranded.Select(i => i.Id).Order(), messages.Select(m => m.InvitationId).Order());
        Assert.All(messages, m => Assert.Equal(2, m.SendCount));
        Assert.False(await fixture.DbAsync(db => db.FamilyInvitations.AnyAsync(i => i.FamilyId == family.Id && i.EmailEnqueuedAt == null)));
    }
}
