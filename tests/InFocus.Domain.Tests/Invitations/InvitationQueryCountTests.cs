using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Invitations;

/// <summary>Each invitation endpoint runs the same small number of SQL statements with 3 invitations around or 300 (no N+1).</summary>
public sealed class InvitationQueryCountTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    [Fact]
    public async Task Each_invitation_operation_costs_the_same_statements_whatever_the_number_of_invitations()
    {
        var costs = new List<Dictionary<string, int>>();
        foreach (var size in new[] { 3, 300 })
        {
            var world = await WorldAsync(size);
            var admin = world.Admin.AsCaller();
            var invitations = world.Invitations;
            costs.Add(new Dictionary<string, int>
            {
                ["invite"] = await fixture.StatementsOfAsync<FamilyInvitationsService>(s =>
                    s.CreateAsync(admin, world.FamilyId, new CreateInvitationRequest($"new.{Guid.NewGuid():N}@example.test"), default)),
                ["list"] = await fixture.StatementsOfAsync<FamilyInvitationsService>(s => s.ListAsync(admin, world.FamilyId, null, PageRequest.First, default)),
                ["list pending"] = await fixture.StatementsOfAsync<FamilyInvitationsService>(s =>
                    s.ListAsync(admin, world.FamilyId, InvitationStatus.Pending, PageRequest.First, default)),
                ["revoke"] = await fixture.StatementsOfAsync<FamilyInvitationsService>(s => s.RevokeAsync(admin, world.FamilyId, invitations[0].Id, default)),
                ["resend"] = await fixture.StatementsOfAsync<FamilyInvitationsService>(s => s.ResendAsync(admin, world.FamilyId, invitations[1].Id, default)),
                ["received"] = await fixture.StatementsOfAsync<FamilyInvitationsService>(s => s.ListReceivedAsync(world.Guest.AsCaller(), PageRequest.First, default)),
                ["describe"] = await fixture.StatementsOfAsync<InvitationResponder>(r => r.DescribeAsync(world.GuestToken, default)),
                ["accept"] = await fixture.StatementsOfAsync<InvitationResponder>(r => r.AcceptAsync(world.Guest.Id, world.GuestToken, default)),
                ["decline"] = await fixture.StatementsOfAsync<InvitationResponder>(r => r.DeclineAsync(world.DeclineToken, default)),
            });
            await fixture.DrainQueueAsync();
        }

        var expected = new Dictionary<string, int>
        {
            // Invite and resend: 3 of them are the email limits (lock the keys, count, record).
            ["invite"] = 8, ["list"] = 2, ["list pending"] = 2, ["revoke"] = 3, ["resend"] = 7,
            ["received"] = 1, ["describe"] = 1, ["accept"] = 6, ["decline"] = 2,
        };
        Assert.Equal(expected, costs[0]);
        Assert.Equal(expected, costs[1]);
    }

    private sealed record World(
        User Admin, string FamilyId, List<FamilyInvitation> Invitations, User Guest, string GuestToken, string DeclineToken);

    /// <summary>
    /// A family with <paramref name="size"/> pending invitations, and a guest invited by <paramref name="size"/>
    /// families (one of them this family, with a known token); inserted in one go.
    /// </summary>
    private async Task<World> WorldAsync(int size)
    {
        var admin = Entities.User(name: "Admin");
        var family = Entities.Family(admin);
        var invitations = Enumerable.Range(0, size).Select(i => Entities.Invitation(family, $"guest{i}.{Guid.NewGuid():N}@example.test", admin)).ToList();
        var guest = Entities.User(name: "Guest");
        var (guestToken, declineToken) = (SecureToken.Generate(), SecureToken.Generate());
        var guestInvitation = Entities.Invitation(family, guest.Email, admin);
        guestInvitation.TokenHash = SecureToken.Hash(guestToken);
        invitations[2].TokenHash = SecureToken.Hash(declineToken);
        var otherFamilies = Enumerable.Range(0, size - 1).Select(i => Entities.Family(admin, $"Family {i}")).ToList();
        await fixture.SaveAsync(
        [
            admin, guest, family, Entities.Membership(family, admin, FamilyRole.Admin), .. invitations, guestInvitation,
            .. otherFamilies, .. otherFamilies.Select(f => Entities.Invitation(f, guest.Email, admin)),
        ]);
        return new World(admin, family.Id, invitations, guest, guestToken, declineToken);
    }
}
