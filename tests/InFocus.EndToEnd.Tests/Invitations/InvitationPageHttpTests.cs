using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InFocus.Domain.Common;
using InFocus.Domain.Invitations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>The invitation page's routes over plain HTTP: statuses, headers, encoding, form handling and the log.</summary>
[Collection(InvitationsCollection.Name)]
public sealed class InvitationPageHttpTests(InvitationsHostFixture host)
{
    [Fact]
    public async Task Every_page_response_is_html_with_the_security_headers_whatever_its_status()
    {
        using var invited = await host.InviteNewAddressAsync();
        using var client = host.CreateUserClient();

        var responses = new[]
        {
            await client.GetAsync($"api/invitations/{invited.Token}"),
            await client.GetAsync($"api/invitations/{SecureToken.Generate()}"),
            await client.GetAsync("api/invitations/not-a-token"),
            await client.PostAsync($"api/invitations/{invited.Token}/page/accept", new StringContent("{}", Encoding.UTF8, "application/json")),
            await client.PostAsync($"api/invitations/{invited.Token}/page/accept", Http.Form(("mode", "signin"))),
        };

        Assert.Equal([200, 404, 404, 415, 400], responses.Select(r => (int)r.StatusCode));
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
                Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", Header(response, "Content-Security-Policy"));
                Assert.Equal("DENY", Header(response, "X-Frame-Options"));
                Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
                Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
                Assert.Equal("no-store", Header(response, "Cache-Control"));
                var html = await response.Content.ReadAsStringAsync();
                Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
                Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task An_unknown_or_malformed_link_shows_a_not_found_page()
    {
        using var client = host.CreateUserClient();

        foreach (var token in new[] { SecureToken.Generate(), "not-a-token" })
        {
            using var response = await client.GetAsync($"api/invitations/{token}");
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("<h1>This link does not work</h1>", html, StringComparison.Ordinal);
            Assert.Contains("Invitation was not found.", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Names_from_users_are_encoded_on_the_page_never_markup()
    {
        using var invited = await host.InviteNewAddressAsync(familyName: "<script>alert('family')</script> & Co", adminName: "<img src=x onerror=alert(1)>");
        using var client = host.CreateUserClient();

        var html = await (await client.GetAsync($"api/invitations/{invited.Token}")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;family&#x27;)&lt;/script&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_errors_show_the_form_again_with_400_and_create_no_account()
    {
        using var invited = await host.InviteNewAddressAsync();
        using var client = host.CreateUserClient();

        using var response = await client.PostAsync(AcceptPath(invited), Http.Form(("mode", "register"), ("name", " "), ("password", "short")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Your name is required.", html, StringComparison.Ordinal);
        Assert.Contains("Password must be at least 8 characters.", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/invitations/{invited.Token}/page/accept\"", html, StringComparison.Ordinal);
        using var login = await client.PostJsonAsync("api/auth/login", new { email = invited.Email, password = "short" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(InvitationStatus.Pending, (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)).Status);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_answers_409_with_the_sign_in_form()
    {
        using var guest = await host.SignUpAsync();
        using var invited = await host.InviteNewAddressAsync(email: guest.Email);
        using var client = host.CreateUserClient();

        using var response = await client.PostAsync(AcceptPath(invited), Http.Form(("mode", "register"), ("name", "Grace"), ("password", "another good passphrase")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("An account with this email address already exists. Enter its password below to accept the invitation.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"mode\" value=\"signin\"", html, StringComparison.Ordinal);
        Assert.Contains("autocomplete=\"current-password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_answers_401_with_the_generic_message_and_the_clients_sixth_attempt_is_locked_out_with_429()
    {
        using var guest = await host.SignUpAsync();
        using var invited = await host.InviteNewAddressAsync(email: guest.Email);
        var address = SignedInUsers.NewClientAddress();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var client = host.CreateUserClient(clientAddress: address);
            using var wrong = await client.PostAsync(AcceptPath(invited), Http.Form(("mode", "signin"), ("password", "not the password")));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("The email address or password is incorrect.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var locked = await host.CreateUserClient(clientAddress: address).PostAsync(AcceptPath(invited), Http.Form(("mode", "signin"), ("password", guest.Password)));
        var html = await locked.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(locked.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Contains("Too many failed sign-in attempts. Try again in 15 minutes.", html, StringComparison.Ordinal);
        Assert.DoesNotContain((await invited.Admin.FamilyAsync(invited.FamilyId)).Members, m => m.UserId == guest.Id);
    }

    [Fact]
    public async Task The_forms_take_only_small_url_encoded_bodies_with_each_field_once()
    {
        using var invited = await host.InviteNewAddressAsync();
        using var client = host.CreateUserClient();

        using var json = await client.PostAsync(AcceptPath(invited), new StringContent("""{"mode":"register"}""", Encoding.UTF8, "application/json"));
        using var large = await client.PostAsync(AcceptPath(invited), Http.Form(("mode", "register"), ("name", new string('n', 9_000))));
        using var twice = await client.PostAsync(AcceptPath(invited), Http.Form(("mode", "register"), ("mode", "signin")));
        using var unknownMode = await client.PostAsync(AcceptPath(invited), Http.Form(("mode", "admin")));

        Assert.Equal(
            [HttpStatusCode.UnsupportedMediaType, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            new[] { json, large, twice, unknownMode }.Select(r => r.StatusCode));
        Assert.Contains("mode: must be sent once.", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("mode: must be register or signin.", await unknownMode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Pending, (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)).Status);
    }

    [Fact]
    public async Task The_json_routes_of_the_same_link_still_answer_json()
    {
        using var invited = await host.InviteNewAddressAsync();
        using var client = host.CreateUserClient();

        using var accept = await client.PostAsync($"api/invitations/{invited.Token}/accept", content: null);
        using var decline = await client.PostAsync($"api/invitations/{invited.Token}/decline", content: null);
        using var page = await client.GetAsync($"api/invitations/{invited.Token}");

        await accept.ProblemAsync(401);
        Assert.Equal(HttpStatusCode.NoContent, decline.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task No_token_reaches_the_log_while_the_page_is_used()
    {
        using var guest = await host.SignUpAsync();
        using var invited = await host.InviteNewAddressAsync(email: guest.Email);
        using var client = host.CreateUserClient();

        (await client.GetAsync($"api/invitations/{invited.Token}")).Dispose();
        (await client.PostAsync(AcceptPath(invited), Http.Form(("mode", "signin"), ("password", "not the password")))).Dispose();
        (await client.PostAsync(AcceptPath(invited), Http.Form(("mode", "signin"), ("password", guest.Password)))).Dispose();

        var entries = host.Logs.Entries.ToList();
        Assert.Contains(entries, e => e.Contains("InvitationPage answered 200", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("AcceptInvitationPage answered 401", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("AcceptInvitationPage answered 200", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(invited.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(guest.Password, StringComparison.Ordinal));
    }

    private static string AcceptPath(Invited invited) => $"api/invitations/{invited.Token}/page/accept";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
