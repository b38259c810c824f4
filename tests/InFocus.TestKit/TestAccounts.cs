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

    /// <summary>
    /// A new verified account with a unique email (or <paramref name="email"/>), signed in. It is created as a link that
    /// proved the address creates one (<see cref="RegistrationService.CreateAccountAsync"/>); registration by email and
    /// verification have tests of their own.
    /// </summary>
    public static async Task<TestAccount> RegisterAsync(this DomainFixture fixture, string? email = null, string name = "Test User", string password = Password)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        await using var scope = fixture.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<RegistrationService>()
            .CreateAccountAsync(new RegisterRequest(email, password, name), CancellationToken.None);
        var tokens = await scope.ServiceProvider.GetRequiredService<SignInService>()
            .LoginAsync(new LoginRequest(email, password), NewClient(), CancellationToken.None);
        var user = await scope.ServiceProvider.GetRequiredService<IAccessTokenValidator>().ValidateAsync(tokens.AccessToken, CancellationToken.None);
        return new TestAccount(user, account.Email, password, name, tokens);
    }
}
