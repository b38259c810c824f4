using System.Net;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.Functions.Accounts.Pages;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// The verification and password-reset pages over plain HTTP, as a browser posts their forms: every status they can
/// answer (the browser tests walk the same pages in Chromium), and an address that got an account meanwhile.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class AccountPageHttpTests(AccountsHostFixture host) : IDisposable
{
    private readonly Smtp4devClient _mail = new();

    public void Dispose() => _mail.Dispose();

    [Fact]
    public async Task The_forgotten_password_page_sends_a_link_and_shows_the_form_again_for_a_bad_address()
    {
        using var user = await host.SignUpAsync();
        using var browser = host.CreateUserClient();

        using var page = await browser.GetAsync("api/password-reset");
        using var invalid = await browser.PostAsync("api/password-reset", Http.Form((AccountPageRenderer.EmailField, "not an address")));
        using var sent = await browser.PostAsync("api/password-reset", Http.Form((AccountPageRenderer.EmailField, user.Email)));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Accepted), (page.StatusCode, invalid.StatusCode, sent.StatusCode));
        Assert.Contains("name=\"email\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(await _mail.WaitForMessagesAsync(user.Email));
    }

    [Fact]
    public async Task The_reset_link_page_sets_a_new_password_once_and_shows_the_rules_for_a_weak_one()
    {
        using var user = await host.SignUpAsync();
        using var browser = host.CreateUserClient();
        (await browser.PostJsonAsync("api/auth/password-reset", new { email = user.Email })).Dispose();
        var token = await _mail.LinkTokenAsync(user.Email, "password-reset", count: 1);

        using var page = await browser.GetAsync($"api/password-reset/{token}");
        using var weak = await browser.PostAsync($"api/password-reset/{token}/confirm", Http.Form((AccountPageRenderer.PasswordField, "short")));
        using var changed = await browser.PostAsync($"api/password-reset/{token}/confirm", Http.Form((AccountPageRenderer.PasswordField, "a brand new passphrase")));
        using var used = await browser.PostAsync($"api/password-reset/{token}/confirm", Http.Form((AccountPageRenderer.PasswordField, "yet another passphrase")));

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.NotFound),
            (page.StatusCode, weak.StatusCode, changed.StatusCode, used.StatusCode));
        using var login = await browser.PostJsonAsync("api/auth/login", new { email = user.Email, password = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_verification_page_creates_the_account_once()
    {
        using var browser = host.CreateUserClient();
        var token = await RegisterAsync(browser, NewEmail());

        using var page = await browser.GetAsync($"api/verify-email/{token}");
        using var confirmed = await browser.PostAsync($"api/verify-email/{token}/confirm", content: null);
        using var again = await browser.PostAsync($"api/verify-email/{token}/confirm", content: null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound), (page.StatusCode, confirmed.StatusCode, again.StatusCode));
    }

    [Fact]
    public async Task A_verification_link_of_an_address_that_got_an_account_meanwhile_answers_409_on_the_page_and_in_the_API()
    {
        using var browser = host.CreateUserClient();
        var onThePage = NewEmail();
        var inTheApi = NewEmail();
        var pageToken = await RegisterAsync(browser, onThePage);
        var apiToken = await RegisterAsync(browser, inTheApi);
        // As if an invitation had made the accounts between the registrations and their links.
        await host.DbAsync(db =>
        {
            db.Users.AddRange(Entities.User(onThePage), Entities.User(inTheApi));
            return db.SaveChangesAsync();
        });

        using var page = await browser.PostAsync($"api/verify-email/{pageToken}/confirm", content: null);
        using var api = await browser.PostJsonAsync("api/auth/verify-email", new { token = apiToken });

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        await api.ProblemAsync(409);
    }

    private async Task<string> RegisterAsync(HttpClient client, string email)
    {
        using var registered = await client.PostJsonAsync("api/auth/register", new { email, password = TestAccounts.Password, name = "Page Tester" });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        return await _mail.LinkTokenAsync(email, "verify-email", count: 1);
    }

    private static string NewEmail() => $"pages-{Guid.NewGuid():N}@example.com";
}
