using System.Buffers.Text;
using System.Text;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InFocus.Domain.Tests.Accounts;

/// <summary>The JWT itself: what is accepted and what is not, before any session lookup.</summary>
public sealed class AccessTokensTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
    private static readonly CurrentUser Caller = new(Cuid.NewId(), Cuid.NewId());

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_token_carries_sub_sid_and_jti_and_reads_back_as_its_caller()
    {
        var tokens = Tokens(KeyA);
        var issued = tokens.Issue(Caller.UserId, Caller.SessionId);

        var jwt = new JsonWebToken(issued.Token);
        Assert.Equal(Caller.UserId, jwt.Subject);
        Assert.Equal(Caller.SessionId, jwt.GetClaim("sid").Value);
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(15), issued.ExpiresAt);
        Assert.Equal(Caller, await tokens.ReadAsync(issued.Token));
    }

    [Fact]
    public async Task Each_token_has_its_own_jti()
    {
        var tokens = Tokens(KeyA);

        var first = new JsonWebToken(tokens.Issue(Caller.UserId, Caller.SessionId).Token).Id;
        var second = new JsonWebToken(tokens.Issue(Caller.UserId, Caller.SessionId).Token).Id;

        Assert.NotEqual(first, second);
        Assert.NotNull(await tokens.ReadAsync(tokens.Issue(Caller.UserId, Caller.SessionId).Token));
    }

    [Fact]
    public async Task Lifetime_allows_thirty_seconds_of_clock_skew_and_no_more()
    {
        var tokens = Tokens(KeyA);
        var token = tokens.Issue(Caller.UserId, Caller.SessionId).Token;

        _clock.Advance(AccessTokens.Lifetime + TimeSpan.FromSeconds(29));
        Assert.NotNull(await tokens.ReadAsync(token));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await tokens.ReadAsync(token));
    }

    [Fact]
    public async Task A_token_from_the_future_is_refused()
    {
        var ahead = new FakeTimeProvider(_clock.GetUtcNow().AddMinutes(2));
        var token = Tokens(KeyA, clock: ahead).Issue(Caller.UserId, Caller.SessionId).Token;

        Assert.Null(await Tokens(KeyA).ReadAsync(token));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused() =>
        Assert.Null(await Tokens(KeyA).ReadAsync(Tokens(KeyB).Issue(Caller.UserId, Caller.SessionId).Token));

    [Fact]
    public async Task Tokens_signed_with_a_previous_key_stay_valid_during_rotation()
    {
        var oldToken = Tokens(KeyA).Issue(Caller.UserId, Caller.SessionId).Token;

        var rotated = Tokens(KeyB, previousKeys: $" {KeyA} ,");

        Assert.Equal(Caller, await rotated.ReadAsync(oldToken));
        Assert.Equal("HS256", new JsonWebToken(rotated.Issue(Caller.UserId, Caller.SessionId).Token).Alg);
        Assert.Null(await Tokens(KeyB).ReadAsync(oldToken));
    }

    [Theory]
    [InlineData("other-issuer", "infocus-api")]
    [InlineData("https://infocus.test", "other-audience")]
    public async Task Another_issuer_or_audience_is_refused(string issuer, string audience)
    {
        var token = Forge(new SecurityTokenDescriptor { Issuer = issuer, Audience = audience });

        Assert.Null(await Tokens(KeyA).ReadAsync(token));
    }

    [Fact]
    public async Task A_correctly_forged_token_is_accepted_so_the_refusals_above_test_one_thing_each() =>
        Assert.Equal(Caller, await Tokens(KeyA).ReadAsync(Forge(new SecurityTokenDescriptor())));

    [Fact]
    public async Task Another_algorithm_is_refused_even_with_the_right_key()
    {
        var longKey = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());
        var token = Forge(new SecurityTokenDescriptor
        {
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(longKey)), SecurityAlgorithms.HmacSha512),
        });

        Assert.Null(await Tokens(longKey).ReadAsync(token));
    }

    [Fact]
    public async Task Another_token_type_is_refused() =>
        Assert.Null(await Tokens(KeyA).ReadAsync(Forge(new SecurityTokenDescriptor { TokenType = "JWT" })));

    [Fact]
    public async Task An_unsigned_alg_none_token_is_refused()
    {
        var signed = new JsonWebToken(Tokens(KeyA).Issue(Caller.UserId, Caller.SessionId).Token);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"at+jwt"}"""));
        var payload = signed.EncodedPayload;

        Assert.Null(await Tokens(KeyA).ReadAsync($"{header}.{payload}."));
    }

    [Fact]
    public async Task A_token_without_expiry_is_refused() =>
        Assert.Null(await Tokens(KeyA).ReadAsync(Forge(new SecurityTokenDescriptor(), withExpiry: false)));

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    public async Task Malformed_tokens_are_refused(string token) => Assert.Null(await Tokens(KeyA).ReadAsync(token));

    private AccessTokens Tokens(string signingKey, string previousKeys = "", TimeProvider? clock = null)
    {
        var options = Options.Create(new JwtOptions
        {
            Issuer = "https://infocus.test",
            Audience = "infocus-api",
            SigningKey = signingKey,
            PreviousSigningKeys = previousKeys,
        });
        return new AccessTokens(options, new JwtKeys(options), clock ?? _clock);
    }

    /// <summary>A token made outside <see cref="AccessTokens"/>, valid except for what the descriptor changes.</summary>
    private string Forge(SecurityTokenDescriptor changes, bool withExpiry = true)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = changes.Issuer ?? "https://infocus.test",
            Audience = changes.Audience ?? "infocus-api",
            IssuedAt = now,
            NotBefore = now,
            Expires = withExpiry ? now.AddMinutes(15) : null,
            TokenType = changes.TokenType ?? "at+jwt",
            SigningCredentials = changes.SigningCredentials
                ?? new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(KeyA)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sub"] = Caller.UserId, ["sid"] = Caller.SessionId, ["jti"] = "x" },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
