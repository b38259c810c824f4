using System.Net;
using InFocus.Domain.Emails;
using InFocus.Domain.Invitations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>Identical and conflicting invitation requests at once: the statuses, then the database and the emails.</summary>
[Collection(InvitationsCollection.Name)]
public sealed class InvitationConcurrencyTests(InvitationsHostFixture host)
{
    [Fact]
    public async Task Identical_invitations_at_once_make_one_invitation_one_202_and_409s()
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();
        var email = InvitationSteps.NewAddress();

        var statuses = await StatusesAsync(Enumerable.Range(0, 6).Select(_ =>
            admin.Client.PostJsonAsync($"api/families/{familyId}/invitations", new { email })));

        Assert.Equal([HttpStatusCode.Accepted, .. Enumerable.Repeat(HttpStatusCode.Conflict, 5)], statuses.Order());
        var rows = 0;
        await host.DbAsync(async db => rows = await db.FamilyInvitations.CountAsync(i => i.FamilyId == familyId && i.Email == email));
        Assert.Equal(1, rows);
    }

    [Fact]
    public async Task Resends_at_once_all_get_202_count_every_send_and_deliver_without_a_failure()
    {
        using var invited = await host.InviteNewAddressAsync();

        var statuses = await StatusesAsync(Enumerable.Range(0, 6).Select(_ => invited.Admin.Client.PostAsync(ResendPath(invited), content: null)));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        await Eventually.TrueAsync(
            async () => (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)) is { SendCount: 7, EmailStatus: EmailDeliveryStatus.Sent },
            "the last send was delivered");
        Assert.False(await host.Queue("-poison").ExistsAsync());
        Assert.DoesNotContain(host.Logs.Entries, e => e.Contains($"invitation:{invited.Invitation.Id}:", StringComparison.Ordinal) && e.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revokes_at_once_all_get_204_and_leave_it_revoked()
    {
        using var invited = await host.InviteNewAddressAsync();

        var statuses = await StatusesAsync(Enumerable.Range(0, 6).Select(_ => invited.Admin.Client.DeleteAsync(InvitationPath(invited))));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NoContent, s));
        Assert.Equal(InvitationStatus.Revoked, (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)).Status);
    }

    [Fact]
    public async Task A_revoke_racing_resends_wins_and_every_resend_gets_202_or_409()
    {
        using var invited = await host.InviteNewAddressAsync();

        var requests = Enumerable.Range(0, 5).Select(_ => invited.Admin.Client.PostAsync(ResendPath(invited), content: null))
            .Append(invited.Admin.Client.DeleteAsync(InvitationPath(invited)));
        var statuses = await StatusesAsync(requests);

        Assert.Equal(HttpStatusCode.NoContent, statuses[^1]);
        Assert.All(statuses[..^1], s => Assert.Contains(s, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        var invitation = await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id);
        Assert.Equal(InvitationStatus.Revoked, invitation.Status);
        Assert.Equal(1 + statuses.Count(s => s == HttpStatusCode.Accepted), invitation.SendCount);
    }

    private static string InvitationPath(Invited invited) => $"api/families/{invited.FamilyId}/invitations/{invited.Invitation.Id}";

    private static string ResendPath(Invited invited) => $"{InvitationPath(invited)}/resend";

    private static async Task<HttpStatusCode[]> StatusesAsync(IEnumerable<Task<HttpResponseMessage>> requests)
    {
        var responses = await Task.WhenAll(requests);
        var statuses = responses.Select(r => r.StatusCode).ToArray();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        return statuses;
    }
}
