using System.Diagnostics;
using System.Net;
using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// Registration, verification and password reset over HTTP with the emails read from smtp4dev, the answers that must not
/// tell whether an address has an account, and identical or conflicting requests at once.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class EmailFirstRegistrationTests(AccountsHostFixture host) : IDisposable
{
    private readonly Smtp4devClient _mail = new();

    public void Dispose() => _mail.Dispose();

    [Fact]
    public async Task A_new_user_registers_gets_the_link_by_email_verifies_and_is_signed_in()
    {
        using var client = host.CreateUserClient();
        var email = NewEmail();

        using var registered = await client.PostJsonAsync("api/auth/register", new { email, password = TestAccounts.Password, name = "Ada" });
        using var early = await client.PostJsonAsync("api/auth/login", new { email, password = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Equal(RegistrationService.Accepted, await registered.ReadAsync<AcceptedResponse>());
        var notVerified = await early.ProblemAsync(403);
        Assert.Contains("not verified", notVerified.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (subject, text) = await _mail.LatestAsync(email);
        Assert.Equal(EmailVerificationSource.VerifySubject, subject);
        var token = AccountEmails.TokenIn(text, "verify-email");

        using var verified = await client.PostJsonAsync("api/auth/verify-email", new { token });
        using var again = await client.PostJsonAsync("api/auth/verify-email", new { token });

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var body = await verified.ReadAsync<RegistrationResponse>();
        Assert.Equal(("Ada", email), (body.User.Name, body.User.Email));
        using var me = host.CreateUserClient(body.Tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("api/me")).StatusCode);
        await again.ProblemAsync(404);
    }

    [Fact]
    public async Task Registering_an_address_with_an_account_answers_the_same_and_emails_its_owner_instead()
    {
        using var owner = await host.SignUpAsync();
        using var client = host.CreateUserClient();

        using var response = await client.PostJsonAsync("api/auth/register", new { email = owner.Email.ToUpperInvariant(), password = "the squatter's password", name = "Squatter" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(RegistrationService.Accepted, await response.ReadAsync<AcceptedResponse>());
        var (subject, text) = await _mail.LatestAsync(owner.Email);
        Assert.Equal(EmailVerificationSource.AttemptSubject, subject);
        Assert.Contains("/api/password-reset", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Squatter", text, StringComparison.Ordinal);
        using var squatter = await client.PostJsonAsync("api/auth/login", new { email = owner.Email, password = "the squatter's password" });
        Assert.Equal(HttpStatusCode.Unauthorized, squatter.StatusCode);
    }

    [Fact]
    public async Task Register_and_password_reset_answer_existing_and_unknown_addresses_with_the_same_status_body_and_timing_class()
    {
        using var owner = await host.SignUpAsync();
        var known = new List<(HttpStatusCode, string, TimeSpan)>();
        var unknown = new List<(HttpStatusCode, string, TimeSpan)>();
        for (var i = 0; i < 3; i++)
        {
            known.Add(await TimedAsync("api/auth/register", new { email = owner.Email, password = TestAccounts.Password, name = "A" }));
            unknown.Add(await TimedAsync("api/auth/register", new { email = NewEmail(), password = TestAccounts.Password, name = "A" }));
            known.Add(await TimedAsync("api/auth/password-reset", new { email = owner.Email }));
            unknown.Add(await TimedAsync("api/auth/password-reset", new { email = NewEmail() }));
        }

        for (var i = 0; i < known.Count; i++)
        {
            Assert.Equal((known[i].Item1, known[i].Item2), (unknown[i].Item1, unknown[i].Item2));
            Assert.Equal(HttpStatusCode.Accepted, known[i].Item1);
        }

        var (a, b) = (Median(known.Select(k => k.Item3)), Median(unknown.Select(u => u.Item3)));
        Assert.True(SameTimingClass(a, b), $"existing {a} ms, unknown {b} ms");
    }

    [Fact]
    public async Task A_user_who_forgot_the_password_resets_it_by_email_and_every_session_ends()
    {
        using var user = await host.SignUpAsync();
        using var client = host.CreateUserClient();

        using var asked = await client.PostJsonAsync("api/auth/password-reset", new { email = user.Email });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var (subject, text) = await _mail.LatestAsync(user.Email);
        Assert.Equal(PasswordResetSource.Subject, subject);
        var token = AccountEmails.TokenIn(text, "password-reset");
        const string newPassword = "a new and better passphrase";
        using var confirmed = await client.PostJsonAsync("api/auth/password-reset/confirm", new { token, newPassword });
        using var reused = await client.PostJsonAsync("api/auth/password-reset/confirm", new { token, newPassword = "yet another passphrase" });
        using var refresh = await client.PostJsonAsync("api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });
        using var oldPassword = await client.PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password });
        using var signIn = await client.PostJsonAsync("api/auth/login", new { email = user.Email, password = newPassword });

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        await reused.ProblemAsync(404);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Identical_registrations_at_once_all_get_202_and_leave_one_pending_registration()
    {
        var email = NewEmail();
        using var client = host.CreateUserClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            client.PostJsonAsync("api/auth/register", new { email, password = TestAccounts.Password, name = "Racer" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Dispose(responses);
        var (count, users) = (0, 0);
        await host.DbAsync(async db =>
        {
            count = await db.PendingRegistrations.CountAsync(r => r.Email == email);
            users = await db.Users.CountAsync(u => u.Email == email);
        });
        Assert.Equal((1, 0), (count, users));
    }

    [Fact]
    public async Task Verifications_with_one_link_at_once_create_one_account_and_the_rest_get_404()
    {
        var email = NewEmail();
        using var client = host.CreateUserClient();
        using (var registered = await client.PostJsonAsync("api/auth/register", new { email, password = TestAccounts.Password, name = "Racer" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var token = await host.ReplaceVerificationTokenAsync(email);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostJsonAsync("api/auth/verify-email", new { token })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.NotFound));
        Dispose(responses);
        var users = 0;
        await host.DbAsync(async db => users = await db.Users.CountAsync(u => u.Email == email));
        Assert.Equal(1, users);
    }

    [Fact]
    public async Task Password_reset_confirmations_with_one_link_at_once_change_the_password_once()
    {
        using var user = await host.SignUpAsync();
        using var client = host.CreateUserClient();
        using (var asked = await client.PostJsonAsync("api/auth/password-reset", new { email = user.Email }))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        var token = AccountEmails.TokenIn((await _mail.LatestAsync(user.Email)).Text, "password-reset");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.PostJsonAsync("api/auth/password-reset/confirm", new { token, newPassword = $"racing passphrase {i}" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.NotFound));
        Dispose(responses);
    }

    [Fact]
    public async Task Verification_resends_at_once_all_get_202_and_only_the_newest_link_works()
    {
        var email = NewEmail();
        using var client = host.CreateUserClient();
        using (var registered = await client.PostJsonAsync("api/auth/register", new { email, password = TestAccounts.Password, name = "Racer" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostJsonAsync("api/auth/verify-email/resend", new { email })));
        using var unknown = await client.PostJsonAsync("api/auth/verify-email/resend", new { email = NewEmail() });

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(await responses[0].Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        Dispose(responses);
        var sendCount = 0;
        await host.DbAsync(async db => sendCount = await db.PendingRegistrations.Where(r => r.Email == email).Select(r => r.SendCount).SingleAsync());
        Assert.Equal(4, sendCount);
    }

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    private async Task<(HttpStatusCode, string, TimeSpan)> TimedAsync(string path, object body)
    {
        using var client = host.CreateUserClient();
        var started = Stopwatch.StartNew();
        using var response = await client.PostJsonAsync(path, body);
        var elapsed = started.Elapsed;
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), elapsed);
    }

    private static double Median(IEnumerable<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2].TotalMilliseconds;
    }

    /// <summary>Within 25 ms or a factor of 3 of each other: scheduling noise does not decide, a skipped bcrypt or queue write would.</summary>
    private static bool SameTimingClass(double a, double b) => Math.Abs(a - b) < 25 || Math.Max(a, b) / Math.Min(a, b) < 3;

    private static void Dispose(IEnumerable<HttpResponseMessage> responses)
    {
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
