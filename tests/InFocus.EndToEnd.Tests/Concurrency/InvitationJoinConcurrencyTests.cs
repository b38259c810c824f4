using System.Net;
using InFocus.Domain.Invitations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

/// <summary>Joining by invitation: the invitee accepting or declining one token several times at once.</summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class InvitationJoinConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Accepting_one_invitation_n_times_at_once_answers_the_same_and_makes_one_membership() =>
        await host.WithUsersAsync(2, async users =>
        {
            var familyId = await host.SeedFamilyAsync([users[0]]);
            var token = await host.SeedInvitationAsync(familyId, users[1].Email);

            var answers = await Concurrently.SendAsync(N, _ => users[1].Client.PostAsync($"api/invitations/{token}/accept", content: null));

            answers.AssertCounts((OK, N));
            Assert.Equal((InvitationStatus.Accepted, 1), await StateAsync(familyId, users[1].Id));
        });

    [Fact]
    public async Task Declining_one_invitation_n_times_at_once_declines_it_once() =>
        await host.WithUsersAsync(2, async users =>
        {
            var familyId = await host.SeedFamilyAsync([users[0]]);
            var token = await host.SeedInvitationAsync(familyId, users[1].Email);

            var answers = await Concurrently.SendAsync(N, _ => host.Client.PostAsync($"api/invitations/{token}/decline", content: null));

            answers.AssertCounts((NoContent, N));
            Assert.Equal((InvitationStatus.Declined, 0), await StateAsync(familyId, users[1].Id));
        });

    [Fact]
    public async Task Accepting_and_declining_at_once_settle_one_way_and_the_other_answers_410() =>
        await host.WithUsersAsync(2, async users =>
        {
            var familyId = await host.SeedFamilyAsync([users[0]]);
            var token = await host.SeedInvitationAsync(familyId, users[1].Email);

            var answers = await Concurrently.SendAsync(N, i => i % 2 == 0
                ? users[1].Client.PostAsync($"api/invitations/{token}/accept", content: null)
                : host.Client.PostAsync($"api/invitations/{token}/decline", content: null));

            var (status, memberships) = await StateAsync(familyId, users[1].Id);
            var accepted = status == InvitationStatus.Accepted;
            answers.AssertCounts(accepted ? [(OK, N / 2), (Gone, N / 2)] : [(NoContent, N / 2), (Gone, N / 2)]);
            Assert.Equal(accepted ? 1 : 0, memberships);
        });

    private Task<(InvitationStatus Status, int Memberships)> StateAsync(string familyId, string userId) =>
        host.DbAsync(async db => (
            await db.FamilyInvitations.Where(i => i.FamilyId == familyId).Select(i => i.Status).SingleAsync(),
            await db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId && m.UserId == userId)));
}
