using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Accounts;

/// <summary>The session check every authenticated request runs after the JWT checks.</summary>
public sealed class AccessTokenValidatorTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task An_access_token_stops_working_as_soon_as_its_session_ends()
    {
        var account = await fixture.RegisterAsync();
        Assert.Equal(account.User, await ValidateAsync(account.Tokens.AccessToken));

        await fixture.WithAsync<SessionService>(s => s.LogoutAsync(account.User, default));

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => ValidateAsync(account.Tokens.AccessToken));
        Assert.True(error.InvalidToken);
        Assert.Equal("The access token is invalid, expired, or its session has ended. Refresh it or sign in again.", error.Message);
    }

    [Fact]
    public async Task A_session_is_over_at_the_instant_it_expires()
    {
        var account = await fixture.RegisterAsync();
        await fixture.DbAsync(db => db.Sessions.Where(s => s.Id == account.User.SessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, fixture.Clock.GetUtcNow())));

        await Assert.ThrowsAsync<AuthenticationException>(() => ValidateAsync(account.Tokens.AccessToken));
    }

    [Fact]
    public async Task Last_use_is_written_once_a_full_minute_has_passed_and_only_for_the_session_used()
    {
        var account = await fixture.RegisterAsync();
        var other = await fixture.RegisterAsync();
        var longAgo = fixture.Clock.GetUtcNow().AddDays(-1);
        await fixture.DbAsync(db => db.Sessions.Where(s => s.Id == other.User.SessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastUsedAt, longAgo)));
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await ValidateAsync(account.Tokens.AccessToken);
        var written = fixture.Clock.GetUtcNow();

        fixture.Clock.Advance(AccessTokenValidator.LastUsedResolution);
        fixture.Statements.Reset();
        await ValidateAsync(account.Tokens.AccessToken);

        Assert.Equal(1, fixture.Statements.Count);
        var lastUsed = await fixture.DbAsync(db => db.Sessions
            .Where(s => s.Id == account.User.SessionId || s.Id == other.User.SessionId)
            .ToDictionaryAsync(s => s.Id, s => s.LastUsedAt));
        Assert.Equal(written, lastUsed[account.User.SessionId]);
        Assert.Equal(longAgo, lastUsed[other.User.SessionId]);
    }

    [Fact]
    public async Task An_access_token_of_an_expired_session_is_refused()
    {
        var account = await fixture.RegisterAsync();
        await fixture.DbAsync(db => db.Sessions.Where(s => s.Id == account.User.SessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, fixture.Clock.GetUtcNow().AddSeconds(-1))));

        await Assert.ThrowsAsync<AuthenticationException>(() => ValidateAsync(account.Tokens.AccessToken));
    }

    [Fact]
    public async Task Validation_costs_one_query_and_writes_last_use_at_most_once_a_minute()
    {
        var account = await fixture.RegisterAsync();

        fixture.Statements.Reset();
        await ValidateAsync(account.Tokens.AccessToken);
        await ValidateAsync(account.Tokens.AccessToken);
        Assert.Equal(2, fixture.Statements.Count);

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        fixture.Statements.Reset();
        await ValidateAsync(account.Tokens.AccessToken);
        await ValidateAsync(account.Tokens.AccessToken);
        Assert.Equal(3, fixture.Statements.Count);

        var lastUsed = await fixture.DbAsync(db => db.Sessions.Where(s => s.Id == account.User.SessionId).Select(s => s.LastUsedAt).SingleAsync());
        Assert.Equal(fixture.Clock.GetUtcNow(), lastUsed);
    }

    [Fact]
    public async Task A_token_whose_subject_does_not_own_the_session_is_refused()
    {
        var first = await fixture.RegisterAsync();
        var second = await fixture.RegisterAsync();
        var mixed = fixture.Services.GetRequiredService<AccessTokens>().Issue(second.UserId, first.User.SessionId);

        await Assert.ThrowsAsync<AuthenticationException>(() => ValidateAsync(mixed.Token));
    }

    [Fact]
    public async Task A_token_naming_a_session_that_never_existed_is_refused()
    {
        var account = await fixture.RegisterAsync();
        var token = fixture.Services.GetRequiredService<AccessTokens>().Issue(account.UserId, Cuid.NewId());

        await Assert.ThrowsAsync<AuthenticationException>(() => ValidateAsync(token.Token));
    }

    private Task<CurrentUser> ValidateAsync(string token) =>
        fixture.WithAsync<IAccessTokenValidator, CurrentUser>(v => v.ValidateAsync(token, default));
}
