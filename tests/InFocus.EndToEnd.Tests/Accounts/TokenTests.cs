using System.Net;
using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;

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

    [Fact]
    public async Task A_token_made_exactly_as_the_host_signs_them_is_accepted_so_each_refusal_below_tests_one_thing()
    {
        using var user = await host.SignUpAsync();
        var (userId, sessionId) = ForgedAccessTokens.Subject(user.Tokens.AccessToken);
        using var client = host.CreateUserClient(ForgedAccessTokens.Create(userId, sessionId));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/me")).StatusCode);
    }

    [Theory]
    [InlineData("unsigned (alg none)")]
    [InlineData("signed with another key")]
    [InlineData("for another audience")]
    [InlineData("from another issuer")]
    [InlineData("expired beyond the clock skew")]
    [InlineData("naming a session of another user")]
    [InlineData("not a JWT")]
    public async Task Forged_foreign_or_expired_access_tokens_for_a_live_session_get_401_invalid_token(string forgery)
    {
        using var user = await host.SignUpAsync();
        using var other = await host.SignUpAsync();
        var (userId, sessionId) = ForgedAccessTokens.Subject(user.Tokens.AccessToken);
        var token = forgery switch
        {
            "unsigned (alg none)" => ForgedAccessTokens.Create(userId, sessionId, unsigned: true),
            "signed with another key" => ForgedAccessTokens.Create(userId, sessionId, key: new byte[32]),
            "for another audience" => ForgedAccessTokens.Create(userId, sessionId, audience: "another-audience"),
            "from another issuer" => ForgedAccessTokens.Create(userId, sessionId, issuer: "https://another-issuer.example"),
            "expired beyond the clock skew" => ForgedAccessTokens.Create(userId, sessionId, issued: DateTime.UtcNow.AddMinutes(-16)),
            "naming a session of another user" => ForgedAccessTokens.Create(ForgedAccessTokens.Subject(other.Tokens.AccessToken).UserId, sessionId),
            _ => "not.a.jwt",
        };
        using var client = host.CreateUserClient(token);

        using var response = await client.GetAsync("api/me");

        await response.ProblemAsync(401);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }
}
