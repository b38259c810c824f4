using System.Net;
using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Invitations;
using InFocus.TestKit;
using Microsoft.Playwright;
using static InFocus.EndToEnd.Tests.Harness.BrowserPages;
using static Microsoft.Playwright.Assertions;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// The pages account emails link to, in Chromium (phone-sized): the email arrives in smtp4dev and its link is opened
/// there. The invitations host serves them (its public base URL is its own address, so links lead back to it).
/// </summary>
[Collection(InvitationsCollection.Name)]
public sealed class AccountPagesBrowserTests(InvitationsHostFixture host, ChromiumFixture chromium)
{
    [Fact]
    public async Task A_new_user_verifies_the_address_on_the_emailed_links_page_and_can_sign_in()
    {
        var email = $"page-{Guid.NewGuid():N}@example.com";
        using (var registered = await host.CreateUserClient().PostJsonAsync("api/auth/register", new { email, password = TestAccounts.Password, name = "Grace" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var token = AccountEmails.TokenIn((await host.Mail.LatestAsync(email)).Text, "verify-email");
        await using var browser = await chromium.NewPhoneContextAsync();
        var page = await browser.NewPageAsync();

        var opened = await page.GotoAsync($"{host.PublicBaseUrl}/api/verify-email/{token}");

        Assert.Equal(200, opened!.Status);
        await Expect(Heading(page)).ToHaveTextAsync("Verify your email address");
        await AssertFitsThePhoneAsync(page);
        await AssertTextContrastAsync(page);
        var verified = await SubmitAsync(page, "Verify my address");

        Assert.Equal(200, verified.Status);
        await Expect(Heading(page)).ToHaveTextAsync("Your address is verified");
        await Expect(page.GetByText(email)).ToBeVisibleAsync();
        using var login = await host.CreateUserClient().PostJsonAsync("api/auth/login", new { email, password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        await page.GotoAsync($"{host.PublicBaseUrl}/api/verify-email/{token}");
        var again = await SubmitAsync(page, "Verify my address");
        Assert.Equal(404, again.Status);
        await AssertTextContrastAsync(page);
    }

    [Fact]
    public async Task A_user_who_forgot_the_password_asks_on_the_page_and_chooses_a_new_one_on_the_emailed_links_page()
    {
        using var user = await host.SignUpAsync();
        await using var browser = await chromium.NewPhoneContextAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"{host.PublicBaseUrl}/api/password-reset");
        await Expect(Heading(page)).ToHaveTextAsync("Forgot your password?");
        await AssertFitsThePhoneAsync(page);
        await AssertTextContrastAsync(page);
        await page.GetByLabel("Email address").FillAsync(user.Email);
        var asked = await SubmitAsync(page, "Email me a link");

        Assert.Equal(202, asked.Status);
        await Expect(page.GetByText(PasswordResetService.Requested.Message)).ToBeVisibleAsync();
        var (subject, text) = await host.Mail.LatestAsync(user.Email);
        Assert.Equal(PasswordResetSource.Subject, subject);
        var token = AccountEmails.TokenIn(text, "password-reset");

        await page.GotoAsync($"{host.PublicBaseUrl}/api/password-reset/{token}");
        await Expect(Heading(page)).ToHaveTextAsync("Choose a new password");
        await page.GetByLabel("New password").FillAsync("password");
        var weak = await SubmitAsync(page, "Set my new password");

        Assert.Equal(400, weak.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("New password is one of the most common passwords");
        await Expect(page.GetByLabel("New password")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertTextContrastAsync(page);

        await page.GetByLabel("New password").FillAsync("a much better passphrase");
        var changed = await SubmitAsync(page, "Set my new password");

        Assert.Equal(200, changed.Status);
        await Expect(Heading(page)).ToHaveTextAsync("Your password is changed");
        using var login = await host.CreateUserClient().PostJsonAsync("api/auth/login", new { email = user.Email, password = "a much better passphrase" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
