using System.Net;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static InFocus.EndToEnd.Tests.Harness.BrowserPages;
using static Microsoft.Playwright.Assertions;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>
/// The whole journey as a recipient lives it: an admin invites through the API, the email arrives in smtp4dev, its
/// link opens in Chromium (phone-sized), and the recipient registers or signs in there and is a member.
/// </summary>
[Collection(InvitationsCollection.Name)]
public sealed class InvitationPageBrowserTests(InvitationsHostFixture host, ChromiumFixture chromium)
{
    [Fact]
    public async Task A_recipient_without_an_account_registers_on_the_emailed_links_page_and_becomes_a_member()
    {
        using var invited = await host.InviteNewAddressAsync(familyName: "The Lovelaces", adminName: "Ada Lovelace");
        Assert.StartsWith($"{host.PublicBaseUrl}/api/invitations/", invited.Link.ToString(), StringComparison.Ordinal);
        await using var browser = await chromium.NewPhoneContextAsync();
        var page = await browser.NewPageAsync();

        var opened = await page.GotoAsync(invited.Link.ToString());

        Assert.Equal(200, opened!.Status);
        await Expect(Heading(page)).ToHaveTextAsync("Join The Lovelaces on InFocus");
        await Expect(page.GetByText("Ada Lovelace invited you to join the family The Lovelaces.")).ToBeVisibleAsync();
        await Expect(page.GetByText(DisplayTime.Utc(invited.Invitation.ExpiresAt))).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Email address")).ToHaveValueAsync(invited.Email);
        await AssertFitsThePhoneAsync(page);
        await AssertTextContrastAsync(page);

        await page.GetByLabel("Your name").FillAsync("Grace Hopper");
        await page.GetByLabel("Choose a password").FillAsync(TestAccounts.Password);
        var accepted = await SubmitAsync(page, "Create account and accept");

        Assert.Equal(200, accepted.Status);
        await Expect(Heading(page)).ToHaveTextAsync("You're now a member of The Lovelaces");
        var family = await invited.Admin.FamilyAsync(invited.FamilyId);
        Assert.Contains(family.Members, m => m is { Name: "Grace Hopper", Role: FamilyRole.Member });
        Assert.Equal(InvitationStatus.Accepted, (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)).Status);

        // The page started no session: the new member's only session is the one this sign-in through the API starts.
        using var member = host.CreateUserClient();
        using var login = await member.PostJsonAsync("api/auth/login", new { email = invited.Email, password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var tokens = await login.ReadAsync<TokenPair>();
        using var signedIn = host.CreateUserClient(tokens.AccessToken);
        Assert.Single((await (await signedIn.GetAsync("api/auth/sessions")).ReadAsync<Page<SessionResponse>>()).Items);

        var reopened = await page.GotoAsync(invited.Link.ToString());
        Assert.Equal(410, reopened!.Status);
        await Expect(page.GetByText("This invitation has already been accepted.")).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
        await AssertTextContrastAsync(page);
    }

    [Fact]
    public async Task A_recipient_with_an_account_signs_in_on_the_page_and_becomes_a_member()
    {
        using var guest = await host.SignUpAsync(name: "Grace Hopper");
        using var invited = await host.InviteNewAddressAsync(email: guest.Email);
        await using var browser = await chromium.NewPhoneContextAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(invited.Link.ToString());

        await Expect(page.GetByText("You have an InFocus account for this address.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Your name")).ToHaveCountAsync(0);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(guest.Password);
        var accepted = await SubmitAsync(page, "Sign in and accept");

        Assert.Equal(200, accepted.Status);
        await Expect(Heading(page)).ToHaveTextAsync("You're now a member of The Testers");
        Assert.Contains((await invited.Admin.FamilyAsync(invited.FamilyId)).Members, m => m.UserId == guest.Id);
        Assert.Single((await (await guest.Client.GetAsync("api/auth/sessions")).ReadAsync<Page<SessionResponse>>()).Items);
    }

    [Fact]
    public async Task A_rejected_password_shows_the_form_again_with_the_message_at_the_field_and_the_name_kept()
    {
        using var invited = await host.InviteNewAddressAsync();
        await using var browser = await chromium.NewPhoneContextAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(invited.Link.ToString());

        await page.GetByLabel("Your name").FillAsync("Grace Hopper");
        await page.GetByLabel("Choose a password").FillAsync("password");
        var rejected = await SubmitAsync(page, "Create account and accept");

        Assert.Equal(400, rejected.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Password is one of the most common passwords");
        await Expect(page.GetByLabel("Choose a password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Choose a password")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Grace Hopper");
        await AssertFitsThePhoneAsync(page);
        await AssertTextContrastAsync(page);

        await page.GetByLabel("Choose a password").FillAsync(TestAccounts.Password);
        await SubmitAsync(page, "Create account and accept");
        await Expect(Heading(page)).ToHaveTextAsync("You're now a member of The Testers");
    }

    [Fact]
    public async Task Declining_on_the_page_confirms_it_and_the_link_then_says_it_was_declined()
    {
        using var invited = await host.InviteNewAddressAsync();
        await using var browser = await chromium.NewPhoneContextAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(invited.Link.ToString());

        var declined = await SubmitAsync(page, "Decline the invitation");

        Assert.Equal(200, declined.Status);
        await Expect(Heading(page)).ToHaveTextAsync("Invitation declined");
        Assert.Equal(InvitationStatus.Declined, (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)).Status);
        var reopened = await page.GotoAsync(invited.Link.ToString());
        Assert.Equal(410, reopened!.Status);
        await Expect(Heading(page)).ToHaveTextAsync("This invitation can no longer be used");
        await Expect(page.GetByText("This invitation was declined.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_expired_link_opens_a_page_that_says_so_and_offers_no_forms()
    {
        using var invited = await host.InviteNewAddressAsync();
        await host.DbAsync(db => db.FamilyInvitations
            .Where(i => i.Id == invited.Invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.True((await host.RunFunctionAsync("ExpireInvitations")).IsSuccess);
        await using var browser = await chromium.NewPhoneContextAsync();
        var page = await browser.NewPageAsync();
        var opened = await page.GotoAsync(invited.Link.ToString());

        Assert.Equal(410, opened!.Status);
        await Expect(page.GetByText("This invitation has expired. Ask the family for a new one.")).ToBeVisibleAsync();
        await Expect(page.Locator("form")).ToHaveCountAsync(0);
        Assert.Equal(InvitationStatus.Expired, (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)).Status);
    }
}
