using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Accounts;

public sealed class RegistrationTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Register_creates_the_user_with_a_profile_and_a_signed_in_session()
    {
        var client = TestAccounts.NewClient("Firefox/140");

        var result = await RegisterAsync(new RegisterRequest("  Ada.Lovelace@Example.COM ", TestAccounts.Password, "  Ada Lovelace "), client);

        Assert.Equal("ada.lovelace@example.com", result.User.Email);
        Assert.Equal("Ada Lovelace", result.User.Name);
        Assert.True(Cuid.IsValid(result.User.Id));
        Assert.Equal("Bearer", result.Tokens.TokenType);
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(30), result.Tokens.RefreshTokenExpiresAt);
        var caller = await fixture.WithAsync<IAccessTokenValidator, CurrentUser>(v => v.ValidateAsync(result.Tokens.AccessToken, default));
        Assert.Equal(result.User.Id, caller.UserId);

        var stored = await fixture.DbAsync(db => db.Users.Include(u => u.Profile).SingleAsync(u => u.Id == result.User.Id));
        Assert.NotNull(stored.Profile);
        Assert.Equal("{}", stored.Profile.Preferences);
        var session = await fixture.DbAsync(db => db.Sessions.SingleAsync(s => s.UserId == result.User.Id));
        Assert.Equal((caller.SessionId, "Firefox/140", client.Address), (session.Id, session.UserAgent, session.ClientAddress));
    }

    [Fact]
    public async Task The_password_is_stored_only_as_a_bcrypt_hash_and_the_refresh_token_only_as_its_sha256()
    {
        var result = await RegisterAsync(Valid());

        var user = await fixture.DbAsync(db => db.Users.SingleAsync(u => u.Id == result.User.Id));
        Assert.StartsWith("$2", user.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAccounts.Password, user.PasswordHash, StringComparison.Ordinal);
        var token = await fixture.DbAsync(db => db.RefreshTokens.SingleAsync(t => t.UserId == result.User.Id));
        Assert.Equal(SecureToken.Hash(result.Tokens.RefreshToken), token.TokenHash);
        Assert.True(SecureToken.HasValidShape(result.Tokens.RefreshToken));
    }

    [Fact]
    public async Task Register_rejects_a_duplicate_email_in_any_letter_case()
    {
        var email = $"dup-{Guid.NewGuid():N}@example.com";
        await RegisterAsync(Valid() with { Email = email });

        var error = await Assert.ThrowsAsync<ConflictException>(() => RegisterAsync(Valid() with { Email = email.ToUpperInvariant() }));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_create_exactly_one_account()
    {
        var email = $"race-{Guid.NewGuid():N}@example.com";

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                await RegisterAsync(Valid() with { Email = email });
                return "created";
            }
            catch (ConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Single(attempts, a => a == "created");
        Assert.Equal(1, await fixture.DbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    public static TheoryData<RegisterRequest, string, string> InvalidRequests => new()
    {
        { Valid() with { Email = null }, "email", "is required." },
        { Valid() with { Email = "not-an-address" }, "email", "must be a valid email address." },
        { Valid() with { Name = " " }, "name", "is required." },
        { Valid() with { Name = new string('n', FieldLimits.PersonName + 1) }, "name", "must be at most 100 characters." },
        { Valid() with { Name = "Ada\0" }, "name", "must not contain NUL characters." },
        { Valid() with { Password = null }, "password", "is required." },
        { Valid() with { Password = "short1!" }, "password", "must be at least 8 characters." },
        { Valid() with { Password = new string('x', 73) }, "password", "must be at most 72 bytes in UTF-8 (72 ASCII characters, fewer with accented or non-Latin letters)." },
        { Valid() with { Password = "Password1" }, "password", "is one of the most common passwords; choose one that is harder to guess." },
        { Valid() with { Email = "self@example.com", Password = "SELF@example.com" }, "password", "must not be your email address." },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Register_names_each_invalid_field(RegisterRequest request, string field, string message)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync(request));

        Assert.Equal(message, Assert.Single(Assert.Contains(field, error.Errors)));
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync(new RegisterRequest(null, null, null)));

        Assert.Equal(["email", "name", "password"], error.Errors.Keys.Order());
    }

    [Fact]
    public async Task Creating_an_account_without_signing_in_stores_it_with_its_profile_and_starts_no_session()
    {
        var user = await fixture.WithAsync<RegistrationService, UserResponse>(s => s.CreateAccountAsync(Valid() with { Name = " Grace " }, default));

        Assert.Equal("Grace", user.Name);
        var stored = await fixture.DbAsync(db => db.Users.Include(u => u.Profile).SingleAsync(u => u.Id == user.Id));
        Assert.NotNull(stored.Profile);
        Assert.Equal(0, await fixture.DbAsync(db => db.Sessions.CountAsync(s => s.UserId == user.Id)));
        await Assert.ThrowsAsync<ValidationException>(() => fixture.WithAsync<RegistrationService, UserResponse>(s => s.CreateAccountAsync(Valid() with { Password = "password" }, default)));
    }

    private static RegisterRequest Valid() => new($"user-{Guid.NewGuid():N}@example.com", TestAccounts.Password, "Test User");

    private Task<RegistrationResponse> RegisterAsync(RegisterRequest request, ClientInfo? client = null) =>
        fixture.WithAsync<RegistrationService, RegistrationResponse>(s => s.RegisterAsync(request, client ?? TestAccounts.NewClient(), default));
}
