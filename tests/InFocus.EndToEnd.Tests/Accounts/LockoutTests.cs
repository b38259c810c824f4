using System.Net;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class LockoutTests(AccountsHostFixture host)
{
    [Fact]
    public async Task The_sixth_attempt_on_an_account_gets_429_with_retry_after_even_with_the_right_password()
    {
        using var user = await host.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            using var client = host.CreateUserClient();
            using var failed = await client.PostJsonAsync("api/auth/login", new { email = user.Email, password = "not the password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await host.CreateUserClient().PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password });

        await locked.ProblemAsync(429);
        var retryAfter = locked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Twenty_failures_from_one_address_lock_that_address_only()
    {
        using var user = await host.SignUpAsync();
        var address = SignedInUsers.NewClientAddress();
        using var attacker = host.CreateUserClient(clientAddress: address);
        for (var i = 0; i < 20; i++)
        {
            using var failed = await attacker.PostJsonAsync("api/auth/login", new { email = $"guess-{i}-{Guid.NewGuid():N}@example.com", password = "not the password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var blocked = await attacker.PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password });
        using var elsewhere = await host.CreateUserClient().PostJsonAsync("api/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Client_supplied_forwarded_addresses_left_of_the_front_ends_entry_do_not_escape_the_limit()
    {
        var address = SignedInUsers.NewClientAddress();
        for (var i = 0; i < 20; i++)
        {
            using var client = host.CreateUserClient(clientAddress: $"198.51.100.{i}, {address}");
            using var failed = await client.PostJsonAsync("api/auth/login", new { email = $"guess-{i}-{Guid.NewGuid():N}@example.com", password = "not the password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var spoofing = host.CreateUserClient(clientAddress: $"203.0.113.99, {address}");
        using var blocked = await spoofing.PostJsonAsync("api/auth/login", new { email = $"another-{Guid.NewGuid():N}@example.com", password = "whatever it is" });

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
    }
}
