using InFocus.Domain.Accounts;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Accounts;

/// <summary>Raising Auth__BcryptWorkFactor upgrades each stored hash at the account's next sign-in.</summary>
public sealed class PasswordRehashTests(PasswordRehashTests.StrongerFixture fixture) : IClassFixture<PasswordRehashTests.StrongerFixture>
{
    public sealed class StrongerFixture : DomainFixture
    {
        protected override Dictionary<string, string?> Settings()
        {
            var settings = base.Settings();
            settings["Auth__BcryptWorkFactor"] = "5";
            return settings;
        }
    }

    [Fact]
    public async Task A_hash_made_with_a_lower_work_factor_is_replaced_at_sign_in()
    {
        var email = $"old-{Guid.NewGuid():N}@example.com";
        var user = new User { Email = email, Name = "Old Timer", PasswordHash = BCrypt.Net.BCrypt.HashPassword(TestAccounts.Password, 4) };
        await fixture.DbAsync(db => db.AddAsync(user).AsTask().ContinueWith(_ => db.SaveChangesAsync()).Unwrap());

        await fixture.WithAsync<SignInService>(s => s.LoginAsync(new LoginRequest(email, TestAccounts.Password), TestAccounts.NewClient(), default));

        var hash = await fixture.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());
        Assert.Equal("05", hash.Split('$')[2]);
        Assert.True(BCrypt.Net.BCrypt.Verify(TestAccounts.Password, hash));
    }
}
