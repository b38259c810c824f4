using System.Net;
using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>
/// The statuses an invitation's life answers with over HTTP once it is no longer pending: used, declined or revoked
/// links are 410 on the JSON routes and on the page's forms, and an admin's changes that no longer apply are 409.
/// </summary>
[Collection(InvitationsCollection.Name)]
public sealed class InvitationLifecycleStatusTests(InvitationsHostFixture host)
{
    [Fact]
    public async Task A_declined_link_is_gone_for_accepting_in_json_and_on_the_page()
    {
        using var invited = await host.InviteNewAddressAsync();
        using var recipient = await host.SignUpAsync(email: invited.Email);
        using var declined = await recipient.Client.PostAsync($"api/invitations/{invited.Token}/decline", content: null);
        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);

        using var accept = await recipient.Client.PostAsync($"api/invitations/{invited.Token}/accept", content: null);
        using var pageAccept = await recipient.Client.PostAsync($"api/invitations/{invited.Token}/page/accept", Form("signin", password: recipient.Password));

        await accept.ProblemAsync(410);
        Assert.Equal(HttpStatusCode.Gone, pageAccept.StatusCode);
    }

    [Fact]
    public async Task A_revoked_link_is_gone_for_declining_in_json_and_on_the_page()
    {
        using var invited = await host.InviteNewAddressAsync();
        using var revoked = await invited.Admin.Client.DeleteAsync($"api/families/{invited.FamilyId}/invitations/{invited.Invitation.Id}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        using var client = host.CreateUserClient();
        using var decline = await client.PostAsync($"api/invitations/{invited.Token}/decline", content: null);
        using var pageDecline = await client.PostAsync($"api/invitations/{invited.Token}/page/decline", content: null);

        await decline.ProblemAsync(410);
        Assert.Equal(HttpStatusCode.Gone, pageDecline.StatusCode);
    }

    [Fact]
    public async Task Declining_on_the_page_shows_a_confirmation_and_unknown_links_are_not_found()
    {
        using var invited = await host.InviteNewAddressAsync();
        using var client = host.CreateUserClient();

        using var declined = await client.PostAsync($"api/invitations/{invited.Token}/page/decline", content: null);
        using var unknownDecline = await client.PostAsync($"api/invitations/{SecureToken.Generate()}/page/decline", content: null);
        using var unknownAccept = await client.PostAsync($"api/invitations/{SecureToken.Generate()}/page/accept", Form("register", "Guest", "a long enough password"));

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("text/html", declined.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownDecline.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownAccept.StatusCode);
    }

    [Fact]
    public async Task After_acceptance_the_admin_can_neither_revoke_nor_resend_and_a_second_invitation_to_a_member_conflicts()
    {
        using var invited = await host.InviteNewAddressAsync();
        using var recipient = await host.SignUpAsync(email: invited.Email);
        using var accepted = await recipient.Client.PostAsync($"api/invitations/{invited.Token}/accept", content: null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var invitation = $"api/families/{invited.FamilyId}/invitations/{invited.Invitation.Id}";

        using var revoke = await invited.Admin.Client.DeleteAsync(invitation);
        using var resend = await invited.Admin.Client.PostAsync($"{invitation}/resend", content: null);
        using var again = await invited.Admin.Client.PostJsonAsync($"api/families/{invited.FamilyId}/invitations", new { email = invited.Email });

        await revoke.ProblemAsync(409);
        await resend.ProblemAsync(409);
        await again.ProblemAsync(409);
    }

    [Fact]
    public async Task The_last_admin_cannot_demote_themselves()
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();

        using var demote = await admin.Client.PatchJsonAsync($"api/families/{familyId}/members/{admin.Id}", """{"role":"member"}""");

        await demote.ProblemAsync(409);
    }

    private static FormUrlEncodedContent Form(string mode, string? name = null, string? password = null) => new(
        new Dictionary<string, string> { ["mode"] = mode, ["name"] = name ?? "", ["password"] = password ?? "" });
}
