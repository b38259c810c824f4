using InFocus.Domain.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.TestKit;

/// <summary>A registered, signed-in account made through the Accounts domain, for tests of any feature.</summary>
public sealed record TestAccount(CurrentUser User, string Email, string Password, string Name, TokenPair Tokens)
{
    public string UserId => User.UserId;
}

public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    /// <summary>A client with an address of its own, so rate limits of one test never reach another.</summary>
    public static ClientInfo NewClient(string userAgent = "InFocus tests") => new($"test-{Guid.NewGuid():N}", userAgent);

    /// <summary>Registers a new account with a unique email (or <paramref name="email"/>) and returns it signed in.</summary>
    public static async Task<TestAccount> RegisterAsync(this DomainFixture fixture, string? email = null, string name = "Test User", string password = Password)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        await using var scope = fixture.CreateScope();
        var registration = scope.ServiceProvider.GetRequiredService<RegistrationService>();
        var result = await registration.RegisterAsync(new RegisterRequest(email, password, name), NewClient(), CancellationToken.None);
        var user = await scope.ServiceProvider.GetRequiredService<IAccessTokenValidator>().ValidateAsync(result.Tokens.AccessToken, CancellationToken.None);
        return new TestAccount(user, result.User.Email, password, name, result.Tokens);
    }
}
