using System.Net;
using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class PasswordAndDeletionTests(AccountsHostFixture host)
{
    private const string NewPassword = "a completely new passphrase";

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one_and_other_users_signed_in()
    {
        using var user = await host.SignUpAsync();
        using var stranger = await host.SignUpAsync();
        using var other = host.CreateUserClient();
        var otherTokens = await (await other.PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<TokenPair>();
        using var otherAuthorized = host.CreateUserClient(otherTokens.AccessToken);

        using var changed = await user.Client.PostJsonAsync("api/me/password", new { currentPassword = user.Password, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherAuthorized.GetAsync("api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.PostJsonAsync("api/auth/login", new { email = user.Email, password = NewPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Client.GetAsync("api/me")).StatusCode);
    }

    [Theory]
    [InlineData("wrong password", NewPassword, "currentPassword", "is incorrect.")]
    [InlineData(null, NewPassword, "currentPassword", "is required.")]
    [InlineData("correct horse battery staple", "qwertyuiop", "newPassword", "is one of the most common passwords; choose one that is harder to guess.")]
    public async Task Password_change_errors_answer_400_naming_the_field(string? current, string next, string field, string message)
    {
        using var user = await host.SignUpAsync();

        using var response = await user.Client.PostJsonAsync("api/me/password", new { currentPassword = current, newPassword = next });

        Assert.Equal([message], await response.FieldErrorsAsync(field));
    }

    [Fact]
    public async Task Deleting_the_account_removes_its_rows_and_its_tokens_stop_working_and_other_users_stay()
    {
        using var user = await host.SignUpAsync();
        using var stranger = await host.SignUpAsync();
        await user.Client.PatchJsonAsync("api/me/profile", """{"bio":"soon gone"}""");

        using var wrong = await user.Client.DeleteJsonAsync("api/me", new { password = "not my password" });
        using var deleted = await user.Client.DeleteJsonAsync("api/me", new { password = user.Password });

        Assert.Equal(["is incorrect."], await wrong.FieldErrorsAsync("password"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("api/me")).StatusCode);
        using var login = await host.CreateUserClient().PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        await host.DbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Id == user.Id));
            Assert.False(await db.Profiles.AnyAsync(p => p.UserId == user.Id));
            Assert.False(await db.Sessions.AnyAsync(s => s.UserId == user.Id));
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.UserId == user.Id));
        });
        Assert.Equal(HttpStatusCode.OK, (await stranger.Client.GetAsync("api/me")).StatusCode);
    }
}
