using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Accounts;

public sealed class SessionServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task The_list_shows_active_sessions_newest_first_and_marks_the_current_one()
    {
        var account = await fixture.RegisterAsync();
        var phone = await SignInAsync(account, "Phone/1.0");
        var laptop = await SignInAsync(account, "Laptop/2.0");

        var page = await ListAsync(phone, PageRequest.First);

        Assert.Equal(["Laptop/2.0", "Phone/1.0", "InFocus tests"], page.Items.Select(s => s.UserAgent));
        Assert.Equal([false, true, false], page.Items.Select(s => s.Current));
        Assert.Equal([laptop.SessionId, phone.SessionId, account.User.SessionId], page.Items.Select(s => s.Id));
        Assert.Null(page.NextCursor);
        Assert.All(page.Items, s => Assert.Equal(fixture.Clock.GetUtcNow().AddDays(30), s.ExpiresAt));
    }

    [Fact]
    public async Task The_list_leaves_out_ended_sessions_and_other_users_sessions()
    {
        var account = await fixture.RegisterAsync();
        var ended = await SignInAsync(account, "Ended/1.0");
        await fixture.WithAsync<SessionService>(s => s.LogoutAsync(ended, default));
        await fixture.RegisterAsync();

        var page = await ListAsync(account.User, PageRequest.First);

        Assert.Equal([account.User.SessionId], page.Items.Select(s => s.Id));
    }

    [Fact]
    public async Task The_list_pages_through_every_session_once_with_a_fixed_number_of_queries()
    {
        var account = await fixture.RegisterAsync();
        for (var i = 0; i < 6; i++)
        {
            await SignInAsync(account, $"Device/{i}");
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            fixture.Statements.Reset();
            var page = await ListAsync(account.User, new PageRequest(2, cursor));
            Assert.Equal(1, fixture.Statements.Count);
            seen.AddRange(page.Items.Select(s => s.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_a_validation_error()
    {
        var account = await fixture.RegisterAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(account.User, new PageRequest(2, PageCursor.Encode("watchlist", 1))));

        Assert.Contains("cursor", error.Errors.Keys);
    }

    [Fact]
    public async Task Ending_a_session_stops_its_access_and_refresh_tokens_and_nothing_else()
    {
        var account = await fixture.RegisterAsync();
        var other = await fixture.WithAsync<SignInService, TokenPair>(s =>
            s.LoginAsync(new LoginRequest(account.Email, account.Password), TestAccounts.NewClient(), default));
        var otherSession = await ValidateAsync(other.AccessToken);

        await fixture.WithAsync<SessionService>(s => s.EndAsync(account.User, otherSession.SessionId, default));

        await Assert.ThrowsAsync<AuthenticationException>(() => ValidateAsync(other.AccessToken));
        await Assert.ThrowsAsync<AuthenticationException>(() =>
            fixture.WithAsync<TokenRefreshService, TokenPair>(s => s.RefreshAsync(new RefreshRequest(other.RefreshToken), TestAccounts.NewClient(), default)));
        Assert.Equal(account.User, await ValidateAsync(account.Tokens.AccessToken));
        var ended = await fixture.DbAsync(db => db.Sessions.SingleAsync(s => s.Id == otherSession.SessionId));
        Assert.Equal(SessionRevocationReason.Ended, ended.RevokedReason);
    }

    [Fact]
    public async Task Another_users_session_an_unknown_id_and_an_ended_session_are_not_found()
    {
        var account = await fixture.RegisterAsync();
        var stranger = await fixture.RegisterAsync();
        var ended = await SignInAsync(account, "Old/1.0");
        await fixture.WithAsync<SessionService>(s => s.EndAsync(account.User, ended.SessionId, default));

        foreach (var id in new[] { stranger.User.SessionId, Cuid.NewId(), "not-an-id", ended.SessionId })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<SessionService>(s => s.EndAsync(account.User, id, default)));
        }

        Assert.Equal(stranger.User, await ValidateAsync(stranger.Tokens.AccessToken));
    }

    [Fact]
    public async Task Logout_ends_only_the_current_session()
    {
        var account = await fixture.RegisterAsync();
        var other = await SignInAsync(account, "Other/1.0");

        await fixture.WithAsync<SessionService>(s => s.LogoutAsync(account.User, default));

        var remaining = await ListAsync(other, PageRequest.First);
        Assert.Equal([other.SessionId], remaining.Items.Select(s => s.Id));
        var session = await fixture.DbAsync(db => db.Sessions.SingleAsync(s => s.Id == account.User.SessionId));
        Assert.Equal(SessionRevocationReason.Logout, session.RevokedReason);
        Assert.False(await fixture.DbAsync(db => db.RefreshTokens.AnyAsync(t => t.SessionId == session.Id && !t.Revoked)));
    }

    [Fact]
    public async Task Logout_all_ends_every_session_of_the_user_and_no_one_elses()
    {
        var account = await fixture.RegisterAsync();
        await SignInAsync(account, "Other/1.0");
        var stranger = await fixture.RegisterAsync();

        await fixture.WithAsync<SessionService>(s => s.LogoutAllAsync(account.User, default));

        Assert.False(await fixture.DbAsync(db => db.Sessions.AnyAsync(s => s.UserId == account.UserId && s.RevokedAt == null)));
        Assert.False(await fixture.DbAsync(db => db.RefreshTokens.AnyAsync(t => t.UserId == account.UserId && !t.Revoked)));
        Assert.Equal(stranger.User, await ValidateAsync(stranger.Tokens.AccessToken));
    }

    [Fact]
    public async Task Logout_all_and_a_password_change_take_the_same_statements_for_one_session_or_many()
    {
        var few = await CountStatementsAsync(otherSessions: 1);
        var many = await CountStatementsAsync(otherSessions: 8);

        Assert.Equal(few, many);
    }

    /// <summary>Statements of logout-all and of a password change for an account with that many other sessions.</summary>
    private async Task<(int LogoutAll, int PasswordChange)> CountStatementsAsync(int otherSessions)
    {
        var accounts = new[] { await fixture.RegisterAsync(), await fixture.RegisterAsync() };
        foreach (var account in accounts)
        {
            for (var i = 0; i < otherSessions; i++)
            {
                await SignInAsync(account, $"Device/{i}");
            }
        }

        fixture.Statements.Reset();
        await fixture.WithAsync<SessionService>(s => s.LogoutAllAsync(accounts[0].User, default));
        var logoutAll = fixture.Statements.Count;
        fixture.Statements.Reset();
        await fixture.WithAsync<PasswordChangeService>(s => s.ChangeAsync(
            accounts[1].User, new ChangePasswordRequest(accounts[1].Password, "a completely new passphrase"), TestAccounts.NewClient(), default));
        return (logoutAll, fixture.Statements.Count);
    }

    private async Task<CurrentUser> SignInAsync(TestAccount account, string userAgent)
    {
        var tokens = await fixture.WithAsync<SignInService, TokenPair>(s =>
            s.LoginAsync(new LoginRequest(account.Email, account.Password), TestAccounts.NewClient(userAgent), default));
        return await ValidateAsync(tokens.AccessToken);
    }

    private Task<Page<SessionResponse>> ListAsync(CurrentUser user, PageRequest page) =>
        fixture.WithAsync<SessionService, Page<SessionResponse>>(s => s.ListAsync(user, page, default));

    private Task<CurrentUser> ValidateAsync(string token) =>
        fixture.WithAsync<IAccessTokenValidator, CurrentUser>(v => v.ValidateAsync(token, default));
}
