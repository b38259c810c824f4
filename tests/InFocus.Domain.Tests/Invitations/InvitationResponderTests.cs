using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Domain.Tests.Families;
using Microsoft.EntityFrameworkCore;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Tests.Invitations;

public sealed class InvitationResponderTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    private async Task<(string FamilyId, string Token, CurrentUser Guest)> InvitedGuestAsync(bool withAccount = true)
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        var email = $"guest.{Guid.NewGuid():N}@example.test";
        var guest = withAccount ? await fixture.UserAsync("Guest", email) : new CurrentUser("", "");
        await fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.CreateAsync(ada, familyId, new CreateInvitationRequest(email.ToUpperInvariant()), default));
        var token = (await fixture.DrainQueueAsync()).Select(EmailMessage.TryParse).Last()!.Token;
        return (familyId, token, guest);
    }

    private Task<InvitationAcceptance> Accept(CurrentUser user, string token) =>
        fixture.WithAsync<InvitationResponder, InvitationAcceptance>(r => r.AcceptAsync(user.UserId, token, default));

    [Fact]
    public async Task Accepting_makes_the_invited_user_a_member_and_marks_the_invitation_accepted()
    {
        var (familyId, token, guest) = await InvitedGuestAsync();

        var acceptance = await Accept(guest, token);

        Assert.Equal((familyId, "The Testers", FamilyRole.Member), (acceptance.FamilyId, acceptance.FamilyName, acceptance.Role));
        var membership = await fixture.DbAsync(db => db.FamilyMemberships.SingleAsync(m => m.FamilyId == familyId && m.UserId == guest.UserId));
        Assert.Equal(FamilyRole.Member, membership.Role);
        var invitation = await fixture.DbAsync(db => db.FamilyInvitations.SingleAsync(i => i.FamilyId == familyId));
        Assert.Equal((InvitationStatus.Accepted, fixture.Clock.GetUtcNow()), (invitation.Status, invitation.AcceptedAt));
    }

    [Fact]
    public async Task Accepting_again_gives_the_same_answer_and_no_second_membership()
    {
        var (familyId, token, guest) = await InvitedGuestAsync();

        var first = await Accept(guest, token);
        var second = await Accept(guest, token);

        Assert.Equal(first, second);
        Assert.Equal(1, await fixture.DbAsync(db => db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId && m.UserId == guest.UserId)));
    }

    [Fact]
    public async Task Racing_accepts_make_one_membership()
    {
        var (familyId, token, guest) = await InvitedGuestAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Accept(guest, token)));

        Assert.Equal(1, await fixture.DbAsync(db => db.FamilyMemberships.CountAsync(m => m.FamilyId == familyId && m.UserId == guest.UserId)));
    }

    [Fact]
    public async Task Only_the_user_with_the_invited_address_can_accept()
    {
        var (_, token, _) = await InvitedGuestAsync();
        var someoneElse = await fixture.UserAsync("Mallory");

        await Assert.ThrowsAsync<ForbiddenException>(() => Accept(someoneElse, token));
    }

    [Fact]
    public async Task Unknown_or_malformed_tokens_are_404()
    {
        var guest = await fixture.UserAsync("Guest");

        await Assert.ThrowsAsync<NotFoundException>(() => Accept(guest, SecureToken.Generate()));
        await Assert.ThrowsAsync<NotFoundException>(() => Accept(guest, "short"));
    }

    [Fact]
    public async Task An_expired_invitation_is_410_even_before_the_timer_marks_it()
    {
        var (_, token, guest) = await InvitedGuestAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(7));

        var gone = await Assert.ThrowsAsync<GoneException>(() => Accept(guest, token));

        Assert.Contains("expired", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_needs_no_account_and_then_the_link_is_used_up()
    {
        var (_, token, _) = await InvitedGuestAsync(withAccount: false);
        var guest = await fixture.UserAsync("Late");

        await fixture.WithAsync<InvitationResponder>(r => r.DeclineAsync(token, default));
        await fixture.WithAsync<InvitationResponder>(r => r.DeclineAsync(token, default));

        await Assert.ThrowsAsync<GoneException>(() => Accept(guest, token));
        var view = await fixture.WithAsync<InvitationResponder, InvitationView>(r => r.DescribeAsync(token, default));
        Assert.Equal(InvitationStatus.Declined, view.Status);
    }

    [Fact]
    public async Task Describing_a_link_names_the_family_inviter_address_expiry_and_whether_an_account_exists()
    {
        var (_, token, guest) = await InvitedGuestAsync(withAccount: false);

        var view = await fixture.WithAsync<InvitationResponder, InvitationView>(r => r.DescribeAsync(token, default));

        Assert.Equal(("The Testers", "Ada", InvitationStatus.Pending, false), (view.FamilyName, view.InvitedByName, view.Status, view.AccountExists));
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(7), view.ExpiresAt);
        Assert.Equal("", guest.UserId);
    }
}
