using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Domain.Tests.Families;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Tests.Invitations;

public sealed class InvitationJoinServiceTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    /// <summary>One client per test: the lockout counts per account and client.</summary>
    private readonly ClientInfo _client = TestAccounts.NewClient();

    private static string NewEmail() => $"guest.{Guid.NewGuid():N}@example.test";

    /// <summary>A family of Ada's inviting <paramref name="email"/>, and the token its queued email carries.</summary>
    private async Task<(string FamilyId, string Token)> InviteAsync(string email)
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        await fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.CreateAsync(ada, familyId, new CreateInvitationRequest(email), default));
        return (familyId, (await fixture.DrainQueueAsync()).Select(EmailMessage.TryParse).Last()!.Token);
    }

    private Task<InvitationAcceptance> RegisterAsync(string token, string? name, string? password) =>
        fixture.WithAsync<InvitationJoinService, InvitationAcceptance>(s => s.RegisterAndAcceptAsync(token, new JoinWithNewAccountRequest(name, password), default));

    private Task<InvitationAcceptance> SignInAsync(string token, string? password) =>
        fixture.WithAsync<InvitationJoinService, InvitationAcceptance>(s => s.SignInAndAcceptAsync(token, new JoinWithPasswordRequest(password), _client, default));

    private Task<User?> AccountAsync(string email) => fixture.DbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == email));

    [Fact]
    public async Task Registering_from_a_link_creates_the_invited_addresss_account_without_a_session_and_joins_the_family()
    {
        var email = NewEmail();
        var (familyId, token) = await InviteAsync(email.ToUpperInvariant());

        var acceptance = await RegisterAsync(token, "  Grace Hopper ", TestAccounts.Password);

        var account = await AccountAsync(email);
        Assert.NotNull(account);
        Assert.Equal("Grace Hopper", account.Name);
        Assert.Equal((familyId, FamilyRole.Member), (acceptance.FamilyId, acceptance.Role));
        Assert.True(await fixture.DbAsync(db => db.FamilyMemberships.AnyAsync(m => m.FamilyId == familyId && m.UserId == account.Id)));
        Assert.Equal(0, await fixture.DbAsync(db => db.Sessions.CountAsync(s => s.UserId == account.Id)));
        Assert.NotNull(await fixture.WithAsync<SignInService, TokenPair>(s => s.LoginAsync(new LoginRequest(email, TestAccounts.Password), TestAccounts.NewClient(), default)));
    }

    [Fact]
    public async Task Registration_rules_apply_and_a_rejected_form_creates_no_account()
    {
        var email = NewEmail();
        var (_, token) = await InviteAsync(email);

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync(token, " ", "password"));
        var ownAddress = await Assert.ThrowsAsync<ValidationException>(() => RegisterAsync(token, "Grace", email.ToUpperInvariant()));

        Assert.Equal(["name", "password"], invalid.Errors.Keys.Order());
        Assert.Equal("must not be your email address.", Assert.Single(ownAddress.Errors["password"]));
        Assert.Null(await AccountAsync(email));
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_is_a_conflict_and_the_invitation_stays_pending()
    {
        var account = await fixture.RegisterAsync(NewEmail());
        var (_, token) = await InviteAsync(account.Email);

        await Assert.ThrowsAsync<ConflictException>(() => RegisterAsync(token, "Grace", "another good passphrase"));

        var invitation = await fixture.WithAsync<InvitationResponder, InvitationView>(r => r.DescribeAsync(token, default));
        Assert.Equal(InvitationStatus.Pending, invitation.Status);
    }

    [Fact]
    public async Task A_link_that_can_no_longer_be_used_creates_no_account()
    {
        var email = NewEmail();
        var (_, token) = await InviteAsync(email);
        fixture.Clock.Advance(TimeSpan.FromDays(7));

        var gone = await Assert.ThrowsAsync<GoneException>(() => RegisterAsync(token, "Grace", TestAccounts.Password));

        Assert.Equal("This invitation has expired. Ask the family for a new one.", gone.Message);
        Assert.Null(await AccountAsync(email));
        await Assert.ThrowsAsync<NotFoundException>(() => RegisterAsync(SecureToken.Generate(), "Grace", TestAccounts.Password));
    }

    [Fact]
    public async Task Signing_in_from_a_link_with_the_accounts_password_joins_without_starting_a_session_and_again_gives_the_same_answer()
    {
        var account = await fixture.RegisterAsync(NewEmail());
        var (familyId, token) = await InviteAsync(account.Email);

        var first = await SignInAsync(token, account.Password);
        var again = await SignInAsync(token, account.Password);

        Assert.Equal(familyId, first.FamilyId);
        Assert.Equal(first, again);
        Assert.True(await fixture.DbAsync(db => db.FamilyMemberships.AnyAsync(m => m.FamilyId == familyId && m.UserId == account.UserId)));
        Assert.Equal(1, await fixture.DbAsync(db => db.Sessions.CountAsync(s => s.UserId == account.UserId)));
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_counts_towards_the_clients_lockout()
    {
        var account = await fixture.RegisterAsync(NewEmail());
        var (familyId, token) = await InviteAsync(account.Email);

        for (var i = 0; i < new AuthOptions().LoginFailuresPerAccountAndClient; i++)
        {
            await Assert.ThrowsAsync<AuthenticationException>(() => SignInAsync(token, "not the password"));
        }

        await Assert.ThrowsAsync<TooManyRequestsException>(() => SignInAsync(token, account.Password));
        await Assert.ThrowsAsync<TooManyRequestsException>(() => fixture.WithAsync<SignInService, TokenPair>(
            s => s.LoginAsync(new LoginRequest(account.Email, account.Password), _client, default)));
        Assert.False(await fixture.DbAsync(db => db.FamilyMemberships.AnyAsync(m => m.FamilyId == familyId && m.UserId == account.UserId)));
        await Assert.ThrowsAsync<ValidationException>(() => SignInAsync(token, ""));
    }

    [Fact]
    public async Task Signing_in_on_a_declined_link_is_410_before_any_password_check()
    {
        var account = await fixture.RegisterAsync(NewEmail());
        var (_, token) = await InviteAsync(account.Email);
        await fixture.WithAsync<InvitationResponder>(r => r.DeclineAsync(token, default));

        var gone = await Assert.ThrowsAsync<GoneException>(() => SignInAsync(token, "not the password"));

        Assert.Equal("This invitation was declined.", gone.Message);
        Assert.Equal(0, await fixture.DbAsync(db => db.LoginFailures.CountAsync(f => f.Email == account.Email)));
    }
}
