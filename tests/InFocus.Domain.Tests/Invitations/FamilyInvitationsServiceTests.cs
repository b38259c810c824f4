using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Domain.Tests.Families;
using Microsoft.EntityFrameworkCore;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Tests.Invitations;

public sealed class FamilyInvitationsServiceTests(InvitationsFixture fixture) : IClassFixture<InvitationsFixture>
{
    private Task<InvitationResponse> Invite(CurrentUser admin, string familyId, string? email) =>
        fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.CreateAsync(admin, familyId, new CreateInvitationRequest(email), default));

    private static string NewEmail() => $"guest.{Guid.NewGuid():N}@example.test";

    [Fact]
    public async Task Inviting_stores_only_the_token_hash_and_queues_the_email_with_the_raw_token()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        var email = NewEmail();
        await fixture.DrainQueueAsync();

        var invitation = await Invite(ada, familyId, "  " + email.ToUpperInvariant());

        Assert.Equal((email, InvitationStatus.Pending, EmailDeliveryStatus.Pending, 1), (invitation.Email, invitation.Status, invitation.EmailStatus, invitation.SendCount));
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(7), invitation.ExpiresAt);
        var message = EmailMessage.TryParse(Assert.Single(await fixture.DrainQueueAsync()));
        Assert.NotNull(message);
        Assert.Equal((invitation.Id, 1), (message.Id, message.SendCount));
        var stored = await fixture.DbAsync(db => db.FamilyInvitations.SingleAsync(i => i.Id == invitation.Id));
        Assert.Equal(SecureToken.Hash(message.Token), stored.TokenHash);
        Assert.NotNull(stored.EmailEnqueuedAt);
    }

    [Fact]
    public async Task Inviting_is_for_admins_members_get_403_and_outsiders_404()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var eve = await fixture.UserAsync("Eve");
        var familyId = await fixture.FamilyAsync(ada, bob);

        await Assert.ThrowsAsync<ForbiddenException>(() => Invite(bob, familyId, NewEmail()));
        await Assert.ThrowsAsync<NotFoundException>(() => Invite(eve, familyId, NewEmail()));
        await Assert.ThrowsAsync<ValidationException>(() => Invite(ada, familyId, "not an address"));
    }

    [Fact]
    public async Task Inviting_a_member_or_an_address_with_a_pending_invitation_is_a_conflict()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        var pending = await Invite(ada, familyId, NewEmail());

        var bobEmail = await fixture.EmailOfAsync(bob);
        await Assert.ThrowsAsync<ConflictException>(() => Invite(ada, familyId, bobEmail.ToUpperInvariant()));
        var duplicate = await Assert.ThrowsAsync<ConflictException>(() => Invite(ada, familyId, pending.Email));
        Assert.Equal(pending.Id, duplicate.Extensions["invitationId"]);
    }

    [Fact]
    public async Task Racing_invitations_of_one_address_make_one_invitation_and_conflicts()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        var email = NewEmail();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                return (await Invite(ada, familyId, email)).Id;
            }
            catch (ConflictException)
            {
                return null;
            }
        }));

        Assert.Single(outcomes, id => id is not null);
        Assert.Equal(1, await fixture.DbAsync(db => db.FamilyInvitations.CountAsync(i => i.FamilyId == familyId && i.Email == email)));
    }

    [Fact]
    public async Task Inviting_again_after_a_decline_renews_the_same_invitation_with_a_new_token()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        var first = await Invite(ada, familyId, NewEmail());
        var firstToken = EmailMessage.TryParse((await fixture.DrainQueueAsync()).Last())!.Token;
        await fixture.WithAsync<InvitationResponder>(r => r.DeclineAsync(firstToken, default));

        var renewed = await Invite(ada, familyId, first.Email);

        Assert.Equal(first.Id, renewed.Id);
        Assert.Equal((InvitationStatus.Pending, 2), (renewed.Status, renewed.SendCount));
        Assert.Null(renewed.RespondedAt);
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<InvitationResponder, InvitationView>(r => r.DescribeAsync(firstToken, default)));
        var newToken = EmailMessage.TryParse((await fixture.DrainQueueAsync()).Last())!.Token;
        Assert.Equal(InvitationStatus.Pending, (await fixture.WithAsync<InvitationResponder, InvitationView>(r => r.DescribeAsync(newToken, default))).Status);
    }

    [Fact]
    public async Task Inviting_again_after_an_expiry_or_a_revocation_renews_the_same_invitation()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        var expiring = await Invite(ada, familyId, NewEmail());
        var revoked = await Invite(ada, familyId, NewEmail());
        await fixture.WithAsync<FamilyInvitationsService>(s => s.RevokeAsync(ada, familyId, revoked.Id, default));
        fixture.Clock.Advance(TimeSpan.FromDays(7));

        var renewedAfterExpiry = await Invite(ada, familyId, expiring.Email);
        var renewedAfterRevocation = await Invite(ada, familyId, revoked.Email);

        Assert.Equal((expiring.Id, InvitationStatus.Pending, 2), (renewedAfterExpiry.Id, renewedAfterExpiry.Status, renewedAfterExpiry.SendCount));
        Assert.Equal((revoked.Id, InvitationStatus.Pending, 2), (renewedAfterRevocation.Id, renewedAfterRevocation.Status, renewedAfterRevocation.SendCount));
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(7), renewedAfterExpiry.ExpiresAt);
        Assert.Null(renewedAfterRevocation.RespondedAt);
    }

    [Fact]
    public async Task Admins_list_invitations_newest_first_with_effective_status_and_email_state()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        var older = await Invite(ada, familyId, NewEmail());
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var newer = await Invite(ada, familyId, NewEmail());
        fixture.Clock.Advance(TimeSpan.FromDays(6));

        var all = await fixture.WithAsync<FamilyInvitationsService, Page<InvitationResponse>>(s => s.ListAsync(ada, familyId, null, PageRequest.First, default));
        var expired = await fixture.WithAsync<FamilyInvitationsService, Page<InvitationResponse>>(s =>
            s.ListAsync(ada, familyId, InvitationStatus.Expired, PageRequest.First, default));
        var firstPage = await fixture.WithAsync<FamilyInvitationsService, Page<InvitationResponse>>(s => s.ListAsync(ada, familyId, null, new PageRequest(1, null), default));
        var secondPage = await fixture.WithAsync<FamilyInvitationsService, Page<InvitationResponse>>(s =>
            s.ListAsync(ada, familyId, null, new PageRequest(1, firstPage.NextCursor), default));

        Assert.Equal([newer.Id, older.Id], all.Items.Select(i => i.Id));
        Assert.Equal([InvitationStatus.Pending, InvitationStatus.Expired], all.Items.Select(i => i.Status));
        Assert.All(all.Items, i => Assert.Equal(EmailDeliveryStatus.Pending, i.EmailStatus));
        Assert.Equal([older.Id], expired.Items.Select(i => i.Id));
        Assert.Equal([newer.Id, older.Id], firstPage.Items.Concat(secondPage.Items).Select(i => i.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            fixture.WithAsync<FamilyInvitationsService, Page<InvitationResponse>>(s => s.ListAsync(bob, familyId, null, PageRequest.First, default)));
    }

    [Fact]
    public async Task Revoking_stops_the_link_and_is_admin_only()
    {
        var ada = await fixture.UserAsync("Ada");
        var bob = await fixture.UserAsync("Bob");
        var familyId = await fixture.FamilyAsync(ada, bob);
        var invitation = await Invite(ada, familyId, NewEmail());
        var token = EmailMessage.TryParse((await fixture.DrainQueueAsync()).Last())!.Token;

        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.WithAsync<FamilyInvitationsService>(s => s.RevokeAsync(bob, familyId, invitation.Id, default)));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<FamilyInvitationsService>(s => s.RevokeAsync(ada, familyId, Cuid.NewId(), default)));
        await fixture.WithAsync<FamilyInvitationsService>(s => s.RevokeAsync(ada, familyId, invitation.Id, default));
        await fixture.WithAsync<FamilyInvitationsService>(s => s.RevokeAsync(ada, familyId, invitation.Id, default));

        var gone = await Assert.ThrowsAsync<GoneException>(() => fixture.WithAsync<InvitationResponder>(r => r.DeclineAsync(token, default)));
        Assert.Contains("withdrawn", gone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resending_issues_a_fresh_token_expiry_and_message_and_the_old_link_stops_working()
    {
        var ada = await fixture.UserAsync("Ada");
        var familyId = await fixture.FamilyAsync(ada);
        var invitation = await Invite(ada, familyId, NewEmail());
        var oldToken = EmailMessage.TryParse((await fixture.DrainQueueAsync()).Last())!.Token;
        fixture.Clock.Advance(TimeSpan.FromDays(8));

        var resent = await fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.ResendAsync(ada, familyId, invitation.Id, default));

        Assert.Equal((InvitationStatus.Pending, 2), (resent.Status, resent.SendCount));
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(7), resent.ExpiresAt);
        var message = EmailMessage.TryParse(Assert.Single(await fixture.DrainQueueAsync()))!;
        Assert.Equal(2, message.SendCount);
        Assert.NotEqual(oldToken, message.Token);
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.WithAsync<InvitationResponder>(r => r.DeclineAsync(oldToken, default)));
    }

    [Fact]
    public async Task An_accepted_invitation_cannot_be_resent_or_revoked()
    {
        var ada = await fixture.UserAsync("Ada");
        var email = NewEmail();
        var guest = await fixture.UserAsync("Guest", email);
        var familyId = await fixture.FamilyAsync(ada);
        var invitation = await Invite(ada, familyId, email);
        var token = EmailMessage.TryParse((await fixture.DrainQueueAsync()).Last())!.Token;
        await fixture.WithAsync<InvitationResponder, InvitationAcceptance>(r => r.AcceptAsync(guest.UserId, token, default));

        await Assert.ThrowsAsync<ConflictException>(() => fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.ResendAsync(ada, familyId, invitation.Id, default)));
        await Assert.ThrowsAsync<ConflictException>(() => fixture.WithAsync<FamilyInvitationsService>(s => s.RevokeAsync(ada, familyId, invitation.Id, default)));
    }

    [Fact]
    public async Task A_user_sees_the_pending_invitations_addressed_to_them()
    {
        var ada = await fixture.UserAsync("Ada");
        var email = NewEmail();
        var guest = await fixture.UserAsync("Guest", email);
        var first = await fixture.FamilyAsync(ada);
        var second = await fixture.FamilyAsync(ada);
        var third = await fixture.FamilyAsync(ada);
        await Invite(ada, first, email.ToUpperInvariant());
        await Invite(ada, second, email);
        var revoked = await Invite(ada, third, email);
        await fixture.WithAsync<FamilyInvitationsService>(s => s.RevokeAsync(ada, third, revoked.Id, default));
        await Invite(ada, first, NewEmail());

        var received = await fixture.WithAsync<FamilyInvitationsService, Page<ReceivedInvitation>>(s => s.ListReceivedAsync(guest, PageRequest.First, default));

        Assert.Equal([second, first], received.Items.Select(i => i.FamilyId));
        Assert.All(received.Items, i => Assert.Equal(("The Testers", "Ada"), (i.FamilyName, i.InvitedByName)));
    }
}
