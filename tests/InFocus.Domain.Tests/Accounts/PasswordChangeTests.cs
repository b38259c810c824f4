using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Accounts;

public sealed class PasswordChangeTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    /// <summary>One client per test: the lockout counts per account and client.</summary>
    private readonly ClientInfo _client = TestAccounts.NewClient();

    private const string NewPassword = "a completely new passphrase";

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_one()
    {
        var account = await fixture.RegisterAsync();
        var other = await LoginAsync(account.Email, account.Password);

        await ChangeAsync(account, new ChangePasswordRequest(account.Password, NewPassword));

        Assert.Equal(account.User, await ValidateAsync(account.Tokens.AccessToken));
        await Assert.ThrowsAsync<AuthenticationException>(() => ValidateAsync(other.AccessToken));
        var ended = await fixture.DbAsync(db => db.Sessions.SingleAsync(s => s.UserId == account.UserId && s.Id != account.User.SessionId));
        Assert.Equal(SessionRevocationReason.PasswordChanged, ended.RevokedReason);
        await Assert.ThrowsAsync<AuthenticationException>(() => LoginAsync(account.Email, account.Password));
        Assert.NotNull(await LoginAsync(account.Email, NewPassword));
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_counts_towards_the_clients_lockout()
    {
        var account = await fixture.RegisterAsync();
        for (var i = 0; i < new AuthOptions().LoginFailuresPerAccountAndClient; i++)
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => ChangeAsync(account, new ChangePasswordRequest("wrong password", NewPassword)));
            Assert.Equal("is incorrect.", Assert.Single(error.Errors["currentPassword"]));
        }

        await Assert.ThrowsAsync<TooManyRequestsException>(() => ChangeAsync(account, new ChangePasswordRequest(account.Password, NewPassword)));
        await Assert.ThrowsAsync<TooManyRequestsException>(() => LoginAsync(account.Email, account.Password));
    }

    public static TheoryData<ChangePasswordRequest, string, string> InvalidRequests => new()
    {
        { new ChangePasswordRequest(null, NewPassword), "currentPassword", "is required." },
        { new ChangePasswordRequest(TestAccounts.Password, null), "newPassword", "is required." },
        { new ChangePasswordRequest(TestAccounts.Password, "short"), "newPassword", "must be at least 8 characters." },
        { new ChangePasswordRequest(TestAccounts.Password, "iloveyou"), "newPassword", "is one of the most common passwords; choose one that is harder to guess." },
        { new ChangePasswordRequest(TestAccounts.Password, new string('€', 30)), "newPassword", "must be at most 72 bytes in UTF-8 (72 ASCII characters, fewer with accented or non-Latin letters)." },
        { new ChangePasswordRequest(TestAccounts.Password, TestAccounts.Password), "newPassword", "must differ from the current password." },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Invalid_requests_name_the_field_and_change_nothing(ChangePasswordRequest request, string field, string message)
    {
        var account = await fixture.RegisterAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => ChangeAsync(account, request));

        Assert.Equal(message, Assert.Single(error.Errors[field]));
        Assert.NotNull(await LoginAsync(account.Email, account.Password));
    }

    private Task ChangeAsync(TestAccount account, ChangePasswordRequest request) =>
        fixture.WithAsync<PasswordChangeService>(s => s.ChangeAsync(account.User, request, _client, default));

    private Task<TokenPair> LoginAsync(string email, string password) =>
        fixture.WithAsync<SignInService, TokenPair>(s => s.LoginAsync(new LoginRequest(email, password), _client, default));

    private Task<CurrentUser> ValidateAsync(string token) =>
        fixture.WithAsync<IAccessTokenValidator, CurrentUser>(v => v.ValidateAsync(token, default));
}
