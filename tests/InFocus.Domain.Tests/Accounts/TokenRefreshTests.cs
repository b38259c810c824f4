using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Accounts;

public sealed class TokenRefreshTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Refresh_rotates_the_token_within_the_same_session_and_slides_its_expiry()
    {
        var account = await fixture.RegisterAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(3));

        var pair = await RefreshAsync(account.Tokens.RefreshToken, TestAccounts.NewClient("Safari/18"));

        Assert.NotEqual(account.Tokens.RefreshToken, pair.RefreshToken);
        var caller = await ValidateAsync(pair.AccessToken);
        Assert.Equal(account.User, caller);
        var session = await fixture.DbAsync(db => db.Sessions.SingleAsync(s => s.Id == account.User.SessionId));
        Assert.Equal(pair.RefreshTokenExpiresAt, session.ExpiresAt);
        Assert.Equal(fixture.Clock.GetUtcNow(), session.LastUsedAt);
        Assert.Equal("Safari/18", session.UserAgent);
        var old = await fixture.DbAsync(db => db.RefreshTokens.SingleAsync(t => t.TokenHash == SecureToken.Hash(account.Tokens.RefreshToken)));
        Assert.True(old.Revoked);
    }

    [Fact]
    public async Task Presenting_a_rotated_token_again_revokes_the_whole_session()
    {
        var account = await fixture.RegisterAsync();
        var next = await RefreshAsync(account.Tokens.RefreshToken);

        await Assert.ThrowsAsync<AuthenticationException>(() => RefreshAsync(account.Tokens.RefreshToken));

        await Assert.ThrowsAsync<AuthenticationException>(() => RefreshAsync(next.RefreshToken));
        var rejected = await Assert.ThrowsAsync<AuthenticationException>(() => ValidateAsync(next.AccessToken));
        Assert.True(rejected.InvalidToken);
        var session = await fixture.DbAsync(db => db.Sessions.SingleAsync(s => s.Id == account.User.SessionId));
        Assert.Equal(SessionRevocationReason.RefreshTokenReuse, session.RevokedReason);
        Assert.False(await fixture.DbAsync(db => db.RefreshTokens.AnyAsync(t => t.SessionId == session.Id && !t.Revoked)));
    }

    [Fact]
    public async Task Reuse_in_one_session_leaves_the_users_other_sessions_alone()
    {
        var account = await fixture.RegisterAsync();
        var other = await fixture.WithAsync<SignInService, TokenPair>(s =>
            s.LoginAsync(new LoginRequest(account.Email, account.Password), TestAccounts.NewClient(), default));
        await RefreshAsync(account.Tokens.RefreshToken);

        await Assert.ThrowsAsync<AuthenticationException>(() => RefreshAsync(account.Tokens.RefreshToken));

        Assert.NotNull(await RefreshAsync(other.RefreshToken));
    }

    [Fact]
    public async Task Of_refreshes_racing_with_one_token_exactly_one_succeeds()
    {
        var account = await fixture.RegisterAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return await RefreshAsync(account.Tokens.RefreshToken);
            }
            catch (AuthenticationException)
            {
                return null;
            }
        }));

        Assert.Single(outcomes, o => o is not null);
        Assert.Equal(2, await fixture.DbAsync(db => db.RefreshTokens.CountAsync(t => t.SessionId == account.User.SessionId)));
    }

    [Fact]
    public async Task An_expired_refresh_token_is_refused_without_ending_the_session_for_theft()
    {
        var account = await fixture.RegisterAsync();
        fixture.Clock.Advance(SessionTokens.RefreshTokenLifetime + TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<AuthenticationException>(() => RefreshAsync(account.Tokens.RefreshToken));

        var session = await fixture.DbAsync(db => db.Sessions.SingleAsync(s => s.Id == account.User.SessionId));
        Assert.Null(session.RevokedReason);
    }

    [Fact]
    public async Task A_refresh_token_of_an_ended_session_is_refused()
    {
        var account = await fixture.RegisterAsync();
        await fixture.WithAsync<SessionService>(s => s.LogoutAsync(account.User, default));

        await Assert.ThrowsAsync<AuthenticationException>(() => RefreshAsync(account.Tokens.RefreshToken));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_or_malformed_tokens_are_refused(string token) =>
        await Assert.ThrowsAsync<AuthenticationException>(() => RefreshAsync(token));

    [Fact]
    public async Task A_missing_token_is_a_validation_error()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => RefreshAsync(null));

        Assert.Equal("is required.", Assert.Single(error.Errors["refreshToken"]));
    }

    private Task<TokenPair> RefreshAsync(string? token, ClientInfo? client = null) =>
        fixture.WithAsync<TokenRefreshService, TokenPair>(s => s.RefreshAsync(new RefreshRequest(token), client ?? TestAccounts.NewClient(), default));

    private Task<CurrentUser> ValidateAsync(string accessToken) =>
        fixture.WithAsync<IAccessTokenValidator, CurrentUser>(v => v.ValidateAsync(accessToken, default));
}
