using InFocus.Domain.Invitations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Tests.Invitations;

/// <summary>The outbox sweep (<c>RequeueEmails</c>) at volume: set-based, in bounded batches.</summary>
public sealed class InvitationOutboxSweepTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    [Fact]
    public async Task Stranded_invitations_are_reissued_and_enqueued_in_batches_of_three_statements_each_plus_one_look_at_each_other_kind()
    {
        var admin = Entities.User();
        var family = Entities.Family(admin);
        var stranded = Enumerable.Range(0, EmailOutbox.BatchSize + 5)
            .Select(i => Entities.Invitation(family, $"stranded{i}@example.test", admin))
            .ToList();
        await fixture.SaveAsync([admin, family, .. stranded]);

        fixture.Statements.Reset();
        var requeued = await fixture.WithAsync<EmailOutbox, int>(o => o.RequeueStrandedAsync(TimeSpan.Zero, default));

        Assert.Equal(stranded.Count, requeued);
        var otherKinds = Enum.GetValues<EmailKind>().Length - 1;
        Assert.Equal((2 * 3) + otherKinds, fixture.Statements.Count);
        var messages = (await fixture.DrainQueueAsync()).Select(m => EmailMessage.TryParse(m)!).ToList();
        Assert.Equal(stranded.Select(i => i.Id).Order(), messages.Select(m => m.Id).Order());
        Assert.All(messages, m => Assert.Equal(2, m.SendCount));
        Assert.False(await fixture.DbAsync(db => db.FamilyInvitations.AnyAsync(i => i.FamilyId == family.Id && i.EmailEnqueuedAt == null)));
    }
}
