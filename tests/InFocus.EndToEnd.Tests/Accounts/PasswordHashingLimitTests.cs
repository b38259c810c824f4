using System.Net;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Emails;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// A host with one bcrypt slot, no waiting for it, and a real work factor (a quarter of a second per password): of
/// requests that need a password's bcrypt at the same moment, one runs and the others are answered 503 with
/// <c>Retry-After</c> (the contract checks both on every response) instead of queueing behind it.
/// </summary>
public sealed class PasswordHashingLimitHostFixture : DevHostFixture
{
    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth__BcryptWorkFactor"] = "12";
        settings["Auth__PasswordHashingConcurrency"] = "1";
        settings["Auth__PasswordHashingMaxWaitMilliseconds"] = "0";
        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class PasswordHashingLimitCollection : ICollectionFixture<PasswordHashingLimitHostFixture>
{
    public const string Name = "Bounded password hashing over HTTP";
}

[Collection(PasswordHashingLimitCollection.Name)]
public sealed class PasswordHashingLimitTests(PasswordHashingLimitHostFixture host)
{
    private const int Burst = 8;

    [Fact]
    public async Task A_burst_of_sign_ins_runs_one_bcrypt_at_a_time_and_refuses_the_rest_with_503_counting_no_failure()
    {
        using var user = await host.SignUpAsync();

        var responses = await Concurrently.SendAsync(Burst, _ =>
            host.CreateUserClient(clientAddress: user.ClientAddress).PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password }));

        AssertSomeRefused(responses.AssertOnly(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable));
        var failures = -1;
        await host.DbAsync(async db => failures = await db.LoginFailures.CountAsync(f => f.Email == user.Email));
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task A_burst_of_registrations_is_bounded_the_same_way()
    {
        var responses = await Concurrently.SendAsync(Burst, i => host.CreateUserClient().PostJsonAsync(
            "api/auth/register", new { email = $"burst-{i}-{Guid.NewGuid():N}@example.com", password = TestAccounts.Password, name = "Burst" }));

        AssertSomeRefused(responses.AssertOnly(HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task Password_changes_at_once_are_bounded_the_same_way()
    {
        using var user = await host.SignUpAsync();

        var responses = await Concurrently.SendAsync(Burst, i =>
            user.Client.PostJsonAsync("api/me/password", new { currentPassword = user.Password, newPassword = $"burst passphrase {i}" }));

        AssertSomeRefused(responses.AssertOnly(HttpStatusCode.NoContent, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task Account_deletions_at_once_are_bounded_the_same_way()
    {
        using var user = await host.SignUpAsync();

        var responses = await Concurrently.SendAsync(Burst, _ => user.Client.DeleteJsonAsync("api/me", new { password = user.Password }));

        AssertSomeRefused(responses.AssertOnly(HttpStatusCode.NoContent, HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public async Task Password_reset_confirmations_at_once_are_bounded_the_same_way()
    {
        // One link each for several accounts: a link is claimed before its bcrypt, so one link runs at most one.
        var users = new List<SignedInUser>();
        for (var i = 0; i < Burst; i++)
        {
            users.Add(await host.SignUpAsync());
        }

        var tokens = users.Select(_ => SecureToken.Generate()).ToList();
        await host.DbAsync(async db =>
        {
            db.PasswordResets.AddRange(users.Select((user, i) => new PasswordReset
            {
                Email = user.Email,
                TokenHash = SecureToken.Hash(tokens[i]),
                ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(30),
                EmailStatus = EmailDeliveryStatus.Sent,
            }));
            await db.SaveChangesAsync();
        });

        var responses = await Concurrently.SendAsync(Burst, i => host.CreateUserClient().PostJsonAsync(
            "api/auth/password-reset/confirm", new { token = tokens[i], newPassword = $"burst passphrase {i}" }));

        AssertSomeRefused(responses.AssertOnly(HttpStatusCode.NoContent, HttpStatusCode.ServiceUnavailable));
        users.ForEach(u => u.Dispose());
    }

    private static void AssertSomeRefused(Concurrently.Responses responses)
    {
        Assert.True(responses.Count(HttpStatusCode.ServiceUnavailable) > 0, "no request was refused: " + string.Join(", ", responses.Codes));
        Assert.True(responses.Count(HttpStatusCode.ServiceUnavailable) < Burst, "every request was refused");
    }
}
