using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Emails;
using InFocus.Domain.Tests.Invitations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Accounts;

/// <summary>Email-first registration: a pending registration and its email, verification, replacement, races, limits.</summary>
public sealed class RegistrationTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    [Fact]
    public async Task Register_records_a_pending_registration_and_queues_its_email_but_creates_no_account()
    {
        var email = $"Ada.{Guid.NewGuid():N}@Example.COM";

        var answer = await RegisterAsync(new RegisterRequest($"  {email} ", TestAccounts.Password, "  Ada Lovelace "));

        Assert.Same(RegistrationService.Accepted, answer);
        var normalized = email.ToLowerInvariant();
        Assert.False(await fixture.DbAsync(db => db.Users.AnyAsync(u => u.Email == normalized)));
        var pending = await fixture.DbAsync(db => db.PendingRegistrations.SingleAsync(r => r.Email == normalized));
        Assert.Equal(("Ada Lovelace", 1, fixture.Clock.GetUtcNow().AddHours(24)), (pending.Name, pending.SendCount, pending.ExpiresAt));
        Assert.StartsWith("$2", pending.PasswordHash, StringComparison.Ordinal);
        var message = Assert.Single(await MessagesAsync(), m => m.Id == pending.Id);
        Assert.Equal(SecureToken.Hash(message.Token), pending.TokenHash);
        Assert.NotNull(pending.EmailEnqueuedAt);
    }

    [Fact]
    public async Task Verifying_creates_the_account_with_its_profile_signs_it_in_and_works_once()
    {
        var email = NewEmail();
        var client = TestAccounts.NewClient("Firefox/140");
        var token = await RegisterForTokenAsync(Valid(email) with { Name = "Grace" });

        var result = await VerifyAsync(token, client);

        Assert.Equal((email, "Grace"), (result.User.Email, result.User.Name));
        var caller = await fixture.WithAsync<IAccessTokenValidator, CurrentUser>(v => v.ValidateAsync(result.Tokens.AccessToken, default));
        Assert.Equal(result.User.Id, caller.UserId);
        var stored = await fixture.DbAsync(db => db.Users.Include(u => u.Profile).SingleAsync(u => u.Id == result.User.Id));
        Assert.NotNull(stored.Profile);
        var session = await fixture.DbAsync(db => db.Sessions.SingleAsync(s => s.UserId == result.User.Id));
        Assert.Equal(("Firefox/140", client.Address), (session.UserAgent, session.ClientAddress));
        Assert.False(await fixture.DbAsync(db => db.PendingRegistrations.AnyAsync(r => r.Email == email)));
        await Assert.ThrowsAsync<NotFoundException>(() => VerifyAsync(token));
    }

    [Fact]
    public async Task Registering_a_pending_address_again_replaces_it_so_only_the_newest_link_works()
    {
        var email = NewEmail();
        var first = await RegisterForTokenAsync(Valid(email) with { Name = "Squatter" });
        var second = await RegisterForTokenAsync(Valid(email) with { Name = "Owner" });

        await Assert.ThrowsAsync<NotFoundException>(() => VerifyAsync(first));
        var result = await VerifyAsync(second);

        Assert.Equal("Owner", result.User.Name);
    }

    [Fact]
    public async Task An_address_with_an_account_gets_the_same_answer_and_its_account_is_unchanged()
    {
        var account = await fixture.RegisterAsync();
        var hashBefore = await fixture.DbAsync(db => db.Users.Where(u => u.Id == account.UserId).Select(u => u.PasswordHash).SingleAsync());

        var answer = await RegisterAsync(Valid(account.Email) with { Password = "an entirely new password" });

        Assert.Same(RegistrationService.Accepted, answer);
        Assert.Equal(hashBefore, await fixture.DbAsync(db => db.Users.Where(u => u.Id == account.UserId).Select(u => u.PasswordHash).SingleAsync()));
        var token = (await MessagesAsync()).Last(m => m.Kind == EmailKind.EmailVerification).Token;
        await Assert.ThrowsAsync<ConflictException>(() => VerifyAsync(token));
    }

    [Fact]
    public async Task Registering_an_address_with_or_without_an_account_runs_the_same_statements()
    {
        var account = await fixture.RegisterAsync();

        fixture.Statements.Reset();
        await RegisterAsync(Valid(account.Email));
        var existing = fixture.Statements.Count;
        fixture.Statements.Reset();
        await RegisterAsync(Valid(NewEmail()));

        Assert.Equal(existing, fixture.Statements.Count);
    }

    [Fact]
    public async Task An_expired_link_does_not_work()
    {
        var token = await RegisterForTokenAsync(Valid(NewEmail()));
        fixture.Clock.Advance(TimeSpan.FromHours(24));

        await Assert.ThrowsAsync<NotFoundException>(() => VerifyAsync(token));
        await Assert.ThrowsAsync<NotFoundException>(() => VerifyAsync("not-a-token"));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_address_leave_one_pending_registration_whose_newest_link_works()
    {
        var email = NewEmail();

        await fixture.DrainQueueAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RegisterAsync(Valid(email))));

        Assert.All(answers, a => Assert.Same(RegistrationService.Accepted, a));
        var pending = await fixture.DbAsync(db => db.PendingRegistrations.SingleAsync(r => r.Email == email));
        Assert.Equal(6, pending.SendCount);
        var messages = (await MessagesAsync()).Where(m => m.Id == pending.Id).ToList();
        Assert.Equal(6, messages.Count);
        Assert.Single(messages, m => SecureToken.Hash(m.Token).SequenceEqual(pending.TokenHash) && m.SendCount == 6);
        await VerifyAsync(messages.Single(m => m.SendCount == 6).Token);
    }

    [Fact]
    public async Task Concurrent_verifications_with_one_link_create_exactly_one_account()
    {
        var email = NewEmail();
        var token = await RegisterForTokenAsync(Valid(email));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                await VerifyAsync(token);
                return "created";
            }
            catch (NotFoundException)
            {
                return "not found";
            }
        }));

        Assert.Single(outcomes, o => o == "created");
        Assert.Equal(1, await fixture.DbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_pending_registration_cannot_sign_in_the_right_password_is_told_to_verify_and_a_wrong_one_gets_401()
    {
        var email = NewEmail();
        await RegisterAsync(Valid(email));

        var unverified = await Assert.ThrowsAsync<ForbiddenException>(() => SignInAsync(email, TestAccounts.Password));
        await Assert.ThrowsAsync<AuthenticationException>(() => SignInAsync(email, "not the password at all"));

        Assert.Contains("not verified", unverified.Message, StringComparison.Ordinal);
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
        var email = NewEmail();
        await RegisterAsync(Valid(email));
        var user = await fixture.WithAsync<RegistrationService, UserResponse>(s => s.CreateAccountAsync(Valid(email) with { Name = " Grace " }, default));

        Assert.Equal("Grace", user.Name);
        var stored = await fixture.DbAsync(db => db.Users.Include(u => u.Profile).SingleAsync(u => u.Id == user.Id));
        Assert.NotNull(stored.Profile);
        Assert.Equal(0, await fixture.DbAsync(db => db.Sessions.CountAsync(s => s.UserId == user.Id)));
        Assert.False(await fixture.DbAsync(db => db.PendingRegistrations.AnyAsync(r => r.Email == email)));
        await Assert.ThrowsAsync<ValidationException>(() => fixture.WithAsync<RegistrationService, UserResponse>(s => s.CreateAccountAsync(Valid() with { Password = "password" }, default)));
    }

    [Fact]
    public async Task The_verification_page_creates_the_account_without_signing_it_in()
    {
        var email = NewEmail();
        var token = await RegisterForTokenAsync(Valid(email));

        var user = await fixture.WithAsync<EmailVerificationService, UserResponse>(s => s.VerifyWithoutSignInAsync(token, default));

        Assert.Equal(email, user.Email);
        Assert.Equal(0, await fixture.DbAsync(db => db.Sessions.CountAsync(s => s.UserId == user.Id)));
    }

    [Fact]
    public async Task Verifying_without_a_token_names_it_and_a_token_no_link_carries_is_not_found()
    {
        var missing = await Assert.ThrowsAsync<ValidationException>(() =>
            fixture.WithAsync<EmailVerificationService, RegistrationResponse>(s => s.VerifyAsync(new VerifyEmailRequest(null), TestAccounts.NewClient(), default)));

        Assert.Equal("token", Assert.Single(missing.Errors.Keys));
        await Assert.ThrowsAsync<NotFoundException>(() => VerifyAsync("not-a-token"));
        Assert.Throws<NotFoundException>(() => EmailVerificationService.EnsureLinkShape("not-a-token"));
        EmailVerificationService.EnsureLinkShape(SecureToken.Generate());
    }

    [Fact]
    public async Task A_resend_replaces_the_pending_link_and_queues_the_new_one_and_an_address_without_a_registration_gets_nothing()
    {
        var email = NewEmail();
        var first = await RegisterForTokenAsync(Valid(email));

        var answer = await fixture.WithAsync<EmailVerificationService, AcceptedResponse>(s => s.ResendAsync(new ResendVerificationRequest(email), TestAccounts.NewClient(), default));
        var resent = Assert.Single(await MessagesAsync());
        await fixture.WithAsync<EmailVerificationService, AcceptedResponse>(s => s.ResendAsync(new ResendVerificationRequest(NewEmail()), TestAccounts.NewClient(), default));

        Assert.Equal(EmailVerificationService.Resent, answer);
        Assert.Empty(await MessagesAsync());
        await Assert.ThrowsAsync<NotFoundException>(() => VerifyAsync(first));
        Assert.Equal(email, (await VerifyAsync(resent.Token)).User.Email);
    }

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    private static RegisterRequest Valid(string? email = null) => new(email ?? NewEmail(), TestAccounts.Password, "Test User");

    private Task<AcceptedResponse> RegisterAsync(RegisterRequest request, ClientInfo? client = null) =>
        fixture.WithAsync<RegistrationService, AcceptedResponse>(s => s.RegisterAsync(request, client ?? TestAccounts.NewClient(), default));

    private Task<RegistrationResponse> VerifyAsync(string token, ClientInfo? client = null) =>
        fixture.WithAsync<EmailVerificationService, RegistrationResponse>(s => s.VerifyAsync(new VerifyEmailRequest(token), client ?? TestAccounts.NewClient(), default));

    private Task<TokenPair> SignInAsync(string email, string password) =>
        fixture.WithAsync<SignInService, TokenPair>(s => s.LoginAsync(new LoginRequest(email, password), TestAccounts.NewClient(), default));

    /// <summary>Registers and returns the token of the verification email it queued.</summary>
    private async Task<string> RegisterForTokenAsync(RegisterRequest request)
    {
        await RegisterAsync(request);
        var email = EmailAddress.Normalize(request.Email!);
        var id = await fixture.DbAsync(db => db.PendingRegistrations.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
        return (await MessagesAsync()).Last(m => m.Id == id).Token;
    }

    private async Task<List<EmailMessage>> MessagesAsync() => (await fixture.DrainQueueAsync()).Select(m => EmailMessage.TryParse(m)!).ToList();
}
