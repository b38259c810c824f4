using System.Buffers.Text;
using System.Net;
using System.Text;
using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InFocus.EndToEnd.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class TokenTests(AccountsHostFixture host)
{
    [Fact]
    public async Task Refresh_answers_a_new_pair_and_the_old_refresh_token_is_spent()
    {
        using var user = await host.SignUpAsync();
        using var client = host.CreateUserClient();

        using var refreshed = await client.PostJsonAsync("api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var pair = await refreshed.ReadAsync<TokenPair>();
        using var me = host.CreateUserClient(pair.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_answers_401_and_ends_the_session()
    {
        using var user = await host.SignUpAsync();
        using var client = host.CreateUserClient();
        var pair = await (await client.PostJsonAsync("api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken })).ReadAsync<TokenPair>();

        using var reuse = await client.PostJsonAsync("api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken });

        await reuse.ProblemAsync(401);
        using var successor = await client.PostJsonAsync("api/auth/refresh", new { refreshToken = pair.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, successor.StatusCode);
        using var me = host.CreateUserClient(pair.AccessToken);
        using var rejected = await me.GetAsync("api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", rejected.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Of_two_refreshes_racing_with_one_token_exactly_one_succeeds()
    {
        using var user = await host.SignUpAsync();
        using var first = host.CreateUserClient();
        using var second = host.CreateUserClient();

        var responses = await Task.WhenAll(
            first.PostJsonAsync("api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }),
            second.PostJsonAsync("api/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], responses.Select(r => r.StatusCode).Order());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Refresh_answers_400_without_a_token_and_401_for_an_unknown_one()
    {
        using var client = host.CreateUserClient();

        using var missing = await client.PostJsonAsync("api/auth/refresh", new { });
        using var unknown = await client.PostJsonAsync("api/auth/refresh", new { refreshToken = "bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtbm90LWV2ZW4" });

        Assert.Equal(["is required."], await missing.FieldErrorsAsync("refreshToken"));
        await unknown.ProblemAsync(401);
    }

    [Fact]
    public async Task A_missing_bearer_token_gets_401_with_a_bearer_challenge()
    {
        using var client = host.CreateUserClient();

        using var response = await client.GetAsync("api/me");

        await response.ProblemAsync(401);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    public static TheoryData<string> ForgedTokens()
    {
        var data = new TheoryData<string>();
        var key = Convert.FromBase64String(TestSettings.Sample["Jwt__SigningKey"]);
        var issuer = TestSettings.Sample["Jwt__Issuer"];
        var audience = TestSettings.Sample["Jwt__Audience"];
        data.Add(Forge(key, issuer, audience, DateTime.UtcNow.AddMinutes(-20), alg: "none"));
        data.Add(Forge(new byte[32], issuer, audience, DateTime.UtcNow));
        data.Add(Forge(key, issuer, "another-audience", DateTime.UtcNow));
        data.Add(Forge(key, "https://another-issuer.example", audience, DateTime.UtcNow));
        data.Add(Forge(key, issuer, audience, DateTime.UtcNow.AddMinutes(-16)));
        data.Add("not.a.jwt");
        return data;
    }

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task Forged_foreign_or_expired_access_tokens_get_401_invalid_token(string token)
    {
        using var client = host.CreateUserClient(token);

        using var response = await client.GetAsync("api/me");

        await response.ProblemAsync(401);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>A token for a real-looking session, issued at <paramref name="issued"/>, valid 15 minutes.</summary>
    private static string Forge(byte[] key, string issuer, string audience, DateTime issued, string alg = SecurityAlgorithms.HmacSha256)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issued,
            NotBefore = issued,
            Expires = issued.AddMinutes(15),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object> { ["sub"] = Domain.Common.Cuid.NewId(), ["sid"] = Domain.Common.Cuid.NewId(), ["jti"] = "x" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        var signed = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        if (alg != "none")
        {
            return signed;
        }

        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"at+jwt"}"""));
        return $"{header}.{new JsonWebToken(signed).EncodedPayload}.";
    }
}
