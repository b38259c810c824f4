using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Emails;
using InFocus.Domain.Tests.Invitations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Accounts;

/// <summary>Password reset: the same answer for every address, a single-use link, sessions ended, races.</summary>
public sealed class PasswordResetTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>, IDisposable
{
    private const string NewPassword = "a brand new passphrase";
    private readonly Smtp4devClient _smtp4dev = new();

    public void Dispose() => _smtp4dev.Dispose();

    [Fact]
    public async Task A_known_address_gets_an_emailed_link_that_sets_the_password_once_and_ends_every_session()
    {
        var account = await fixture.RegisterAsync();
        var token = await RequestForTokenAsync(account.Email, deliver: true);

        var email = Assert.Single(await _smtp4dev.WaitForMessagesAsync(account.Email));
        Assert.Equal(PasswordResetSource.Subject, email.Subject);
        Assert.Contains($"/api/password-reset/{token}", await _smtp4dev.PlainTextAsync(email.Id), StringComparison.Ordinal);

        await ConfirmAsync(token, NewPassword);

        Assert.Equal(0, await fixture.DbAsync(db => db.Sessions.CountAsync(s => s.UserId == account.UserId && s.RevokedAt == null)));
        await Assert.ThrowsAsync<AuthenticationException>(() => SignInAsync(account.Email, account.Password));
        Assert.NotNull(await SignInAsync(account.Email, NewPassword));
        await Assert.ThrowsAsync<NotFoundException>(() => ConfirmAsync(token, "yet another passphrase"));
    }

    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_answer_after_the_same_statements_and_the_unknown_one_gets_no_email()
    {
        var account = await fixture.RegisterAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        fixture.Statements.Reset();
        var known = await RequestAsync(account.Email);
        var knownStatements = fixture.Statements.Count;
        fixture.Statements.Reset();
        var other = await RequestAsync(unknown);

        Assert.Same(known, other);
        Assert.Equal(knownStatements, fixture.Statements.Count);
        foreach (var message in await fixture.DrainQueueAsync())
        {
            await fixture.WithAsync<EmailDelivery>(d => d.DeliverAsync(message, default));
        }

        await _smtp4dev.WaitForMessagesAsync(account.Email);
        Assert.Empty(await _smtp4dev.MessagesToAsync(unknown));
    }

    [Fact]
    public async Task Using_one_link_uses_every_link_of_the_address()
    {
        var account = await fixture.RegisterAsync();
        var first = await RequestForTokenAsync(account.Email);
        var second = await RequestForTokenAsync(account.Email);

        await ConfirmAsync(second, NewPassword);

        await Assert.ThrowsAsync<NotFoundException>(() => ConfirmAsync(first, "yet another passphrase"));
    }

    [Fact]
    public async Task A_link_expires_after_thirty_minutes_and_a_weak_password_leaves_it_usable()
    {
        var account = await fixture.RegisterAsync();
        var token = await RequestForTokenAsync(account.Email);

        var weak = await Assert.ThrowsAsync<ValidationException>(() => ConfirmAsync(token, "password"));
        var own = await Assert.ThrowsAsync<ValidationException>(() => ConfirmAsync(token, account.Email.ToUpperInvariant()));
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Contains("newPassword", weak.Errors.Keys);
        Assert.Equal("must not be your email address.", Assert.Single(own.Errors["newPassword"]));
        await Assert.ThrowsAsync<NotFoundException>(() => ConfirmAsync(token, NewPassword));
        await Assert.ThrowsAsync<NotFoundException>(() => ConfirmAsync("not-a-token", NewPassword));
    }

    [Fact]
    public async Task Concurrent_confirmations_with_one_link_change_the_password_once()
    {
        var account = await fixture.RegisterAsync();
        var token = await RequestForTokenAsync(account.Email);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await ConfirmAsync(token, $"{NewPassword} {i}");
                return i;
            }
            catch (NotFoundException)
            {
                return -1;
            }
        }));

        var winner = Assert.Single(outcomes, o => o >= 0);
        Assert.NotNull(await SignInAsync(account.Email, $"{NewPassword} {winner}"));
    }

    [Fact]
    public async Task Using_a_link_leaves_other_addresses_links_usable()
    {
        var account = await fixture.RegisterAsync();
        var other = await fixture.RegisterAsync();
        var mine = await RequestForTokenAsync(account.Email);
        var theirs = await RequestForTokenAsync(other.Email);

        await ConfirmAsync(mine, NewPassword);
        await ConfirmAsync(theirs, NewPassword);

        Assert.NotNull(await SignInAsync(other.Email, NewPassword));
    }

    [Fact]
    public async Task A_confirmation_names_a_missing_token_and_a_weak_password_and_a_token_no_link_carries_is_not_found()
    {
        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            fixture.WithAsync<PasswordResetService>(s => s.ConfirmAsync(new PasswordResetConfirmRequest(null, "short"), default)));

        Assert.Equal(["newPassword", "token"], invalid.Errors.Keys.Order());
        await Assert.ThrowsAsync<NotFoundException>(() => ConfirmAsync(new string('a', 43) + "!", NewPassword));
        Assert.Throws<NotFoundException>(() => PasswordResetService.EnsureLinkShape("not-a-token"));
        PasswordResetService.EnsureLinkShape(SecureToken.Generate());
    }

    private Task<AcceptedResponse> RequestAsync(string email) =>
        fixture.WithAsync<PasswordResetService, AcceptedResponse>(s => s.RequestAsync(new PasswordResetRequest(email), TestAccounts.NewClient(), default));

    private Task ConfirmAsync(string token, string password) =>
        fixture.WithAsync<PasswordResetService>(s => s.ConfirmAsync(new PasswordResetConfirmRequest(token, password), default));

    private Task<TokenPair> SignInAsync(string email, string password) =>
        fixture.WithAsync<SignInService, TokenPair>(s => s.LoginAsync(new LoginRequest(email, password), TestAccounts.NewClient(), default));

    /// <summary>Asks for a link and returns the token its queued message carries (delivering it when asked).</summary>
    private async Task<string> RequestForTokenAsync(string email, bool deliver = false)
    {
        await fixture.DrainQueueAsync();
        await RequestAsync(email);
        var message = Assert.Single(await fixture.DrainQueueAsync());
        if (deliver)
        {
            await fixture.WithAsync<EmailDelivery>(d => d.DeliverAsync(message, default));
        }

        return EmailMessage.TryParse(message)!.Token;
    }
}
