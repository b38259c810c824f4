using System.Net;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// No password, raw refresh or password-reset token or token hash ever appears in a log entry (every level, SQL included) or in a
/// response body — except each refresh token in the one response that issued it; no access token and no form of the
/// JWT signing key ever appears in a log entry.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class SecretsTests(AccountsHostFixture host)
{
    [Fact]
    public async Task No_response_or_log_entry_carries_a_password_a_raw_refresh_token_or_its_hash_and_no_log_entry_an_access_token_or_the_signing_key()
    {
        const string newPassword = "a completely new passphrase";
        const string wrongPassword = "a wrong guess at the password";
        const string resetPassword = "a password chosen by reset";
        var issued = new List<(string Token, string Request, string Body)>();
        using var user = await host.SignUpAsync();
        issued.Add((user.Tokens.RefreshToken, "POST /api/auth/verify-email", host.Responses.Last(r => r.Request == "POST /api/auth/verify-email" && r.Body.Contains(user.Tokens.RefreshToken, StringComparison.Ordinal)).Body));
        using var anonymous = host.CreateUserClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("api/auth/login", new { email = user.Email, password = wrongPassword })).StatusCode);
        var login = await anonymous.PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password });
        var loginTokens = await login.ReadAsync<TokenPair>();
        issued.Add((loginTokens.RefreshToken, "POST /api/auth/login", await login.Content.ReadAsStringAsync()));
        var refresh = await anonymous.PostJsonAsync("api/auth/refresh", new { refreshToken = loginTokens.RefreshToken });
        var refreshed = await refresh.ReadAsync<TokenPair>();
        issued.Add((refreshed.RefreshToken, "POST /api/auth/refresh", await refresh.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("api/auth/refresh", new { refreshToken = loginTokens.RefreshToken })).StatusCode);
        await user.Client.PostJsonAsync("api/me/password", new { currentPassword = wrongPassword, newPassword });
        await user.Client.PostJsonAsync("api/me/password", new { currentPassword = user.Password, newPassword });
        await user.Client.PostJsonAsync("api/auth/register", new { email = user.Email, password = newPassword, name = "Duplicate" });
        await anonymous.PostJsonAsync("api/auth/password-reset", new { email = user.Email });
        using var mail = new Smtp4devClient();
        // Two emails, delivered in either order: "someone tried to register with your address" and the reset link.
        var resetToken = await mail.LinkTokenAsync(user.Email, "password-reset", count: 2);
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostJsonAsync("api/auth/password-reset/confirm", new { token = resetToken, newPassword = resetPassword })).StatusCode);
        var relogin = await anonymous.PostJsonAsync("api/auth/login", new { email = user.Email, password = resetPassword });
        var reloginTokens = await relogin.ReadAsync<TokenPair>();
        using var signedIn = host.CreateUserClient(reloginTokens.AccessToken);
        await signedIn.PostJsonAsync("api/me/password", new { currentPassword = resetPassword, newPassword });
        await user.Client.DeleteJsonAsync("api/me", new { password = wrongPassword });
        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.DeleteJsonAsync("api/me", new { password = newPassword })).StatusCode);

        issued.Add((reloginTokens.RefreshToken, "POST /api/auth/login", await relogin.Content.ReadAsStringAsync()));
        var passwords = new[] { user.Password, newPassword, wrongPassword, resetPassword };
        var logSecrets = passwords
            .Concat(issued.SelectMany(i => Forms(i.Token)))
            .Concat(Forms(resetToken))
            .Concat([user.Tokens.AccessToken, loginTokens.AccessToken, refreshed.AccessToken, reloginTokens.AccessToken])
            .Concat(SigningKeyForms())
            .ToList();
        var leaks = host.Logs.Entries
            .Where(entry => logSecrets.Any(secret => entry.Contains(secret, StringComparison.Ordinal)))
            .Select(entry => "log: " + entry)
            .Concat(host.Responses
                .Where(r => passwords.Any(p => r.Body.Contains(p, StringComparison.Ordinal))
                    || Forms(resetToken).Any(f => r.Body.Contains(f, StringComparison.Ordinal))
                    || issued.Any(i => Hashes(i.Token).Any(h => r.Body.Contains(h, StringComparison.Ordinal))
                        || (r.Body.Contains(i.Token, StringComparison.Ordinal) && r.Body != i.Body)))
                .Select(r => $"response to {r.Request}: {r.Body}"))
            .ToList();

        Assert.True(host.Logs.Entries.Count > 20, "the log capture saw almost nothing");
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    /// <summary>The host's signing key as configured (base64) and as the bytes could be written (text, hex).</summary>
    private static IEnumerable<string> SigningKeyForms()
    {
        var key = ForgedAccessTokens.HostKey;
        return [Convert.ToBase64String(key), System.Text.Encoding.UTF8.GetString(key), Convert.ToHexStringLower(key), Convert.ToHexString(key)];
    }

    /// <summary>The raw token and the forms its hash could be written in.</summary>
    private static IEnumerable<string> Forms(string token) => [token, .. Hashes(token)];

    private static IEnumerable<string> Hashes(string token)
    {
        var hash = SecureToken.Hash(token);
        return [Convert.ToHexStringLower(hash), Convert.ToHexString(hash), Convert.ToBase64String(hash), System.Buffers.Text.Base64Url.EncodeToString(hash)];
    }
}
