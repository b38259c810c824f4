using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Emails;
using InFocus.Domain.Invitations;
using InFocus.Domain.Tests.Families;
using InFocus.Domain.Tests.Invitations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Accounts;

/// <summary>
/// The limits on everything that sends email, at their production defaults and at their edges. Observed before:
/// five throwaway accounts sent twenty invitations in seconds with no limit per inviter, family, recipient or hour.
/// </summary>
public sealed class EmailLimitsTests(DefaultLimitsFixture fixture) : IClassFixture<DefaultLimitsFixture>
{
    private static readonly AuthOptions Auth = new();
    private static readonly EmailLimitsOptions Email = new();

    [Fact]
    public async Task Five_throwaway_accounts_cannot_mail_four_addresses_a_family_name_of_their_choosing_in_the_subject()
    {
        // Observed: five fresh accounts, each with a family named "Verify your bank at evil.example" inviting the same
        // four addresses, produced 20 emails with that text in the subject within seconds.
        await fixture.DrainQueueAsync();
        var recipients = Enumerable.Range(0, 4).Select(_ => NewEmail()).ToList();
        var sent = 0;
        for (var account = 0; account < 5; account++)
        {
            var admin = await fixture.UserAsync("Throwaway");
            var familyId = await fixture.FamilyAsync(admin);
            await fixture.DbAsync(db => db.Families.Where(f => f.Id == familyId)
                .ExecuteUpdateAsync(f => f.SetProperty(x => x.Name, "Verify your bank at evil.example")));
            foreach (var recipient in recipients)
            {
                try
                {
                    await InviteAsync(admin, familyId, recipient);
                    sent++;
                }
                catch (TooManyRequestsException)
                {
                }
            }
        }

        Assert.Equal(recipients.Count * Email.InvitationsPerRecipientPerDay, sent);
        using var smtp4dev = new Smtp4devClient();
        foreach (var message in await fixture.DrainQueueAsync())
        {
            await fixture.WithAsync<EmailDelivery>(d => d.DeliverAsync(message, default));
        }

        var received = await smtp4dev.WaitForMessagesAsync(recipients[0], Email.InvitationsPerRecipientPerDay);
        Assert.All(received, m => Assert.Equal(InvitationEmailComposer.Subject, m.Subject));
        Assert.Contains("Family name (chosen by its members): \"Verify your bank at evil.example\"", await smtp4dev.PlainTextAsync(received[0].Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_may_register_as_often_as_its_hourly_limit_allows()
    {
        var client = TestAccounts.NewClient();
        for (var i = 0; i < Auth.RegistrationsPerClientPerHour; i++)
        {
            await RegisterAsync(NewEmail(), client);
        }

        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(() => RegisterAsync(NewEmail(), client));

        Assert.Equal(TimeSpan.FromHours(1), refused.RetryAfter);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        await RegisterAsync(NewEmail(), client);
    }

    [Fact]
    public async Task An_address_gets_as_many_account_emails_per_hour_as_allowed_whether_or_not_it_has_an_account()
    {
        var account = await fixture.RegisterAsync();
        foreach (var email in new[] { account.Email, NewEmail() })
        {
            for (var i = 0; i < Auth.AccountEmailsPerAddressPerHour; i++)
            {
                await ResetAsync(email);
            }

            var refused = await Assert.ThrowsAsync<TooManyRequestsException>(() => ResetAsync(email));
            Assert.Equal(TimeSpan.FromHours(1), refused.RetryAfter);
            await Assert.ThrowsAsync<TooManyRequestsException>(() => RegisterAsync(email, TestAccounts.NewClient()));
        }
    }

    [Fact]
    public async Task A_recipient_gets_at_most_three_invitations_a_day_across_all_families()
    {
        var recipient = NewEmail();
        for (var i = 0; i < Email.InvitationsPerRecipientPerDay; i++)
        {
            var admin = await fixture.UserAsync("Admin");
            await InviteAsync(admin, await fixture.FamilyAsync(admin), recipient);
        }

        var another = await fixture.UserAsync("Admin");
        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(async () => await InviteAsync(another, await fixture.FamilyAsync(another), recipient));

        Assert.Equal(TimeSpan.FromDays(1), refused.RetryAfter);
    }

    [Fact]
    public async Task An_inviter_sends_at_most_twenty_invitations_a_day()
    {
        var admin = await fixture.UserAsync("Admin");
        var familyId = await fixture.FamilyAsync(admin);
        for (var i = 0; i < Email.InvitationsPerInviterPerDay; i++)
        {
            await InviteAsync(admin, familyId, NewEmail());
        }

        await Assert.ThrowsAsync<TooManyRequestsException>(() => InviteAsync(admin, familyId, NewEmail()));
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await InviteAsync(admin, familyId, NewEmail());
    }

    [Fact]
    public async Task A_resend_waits_for_the_cooldown()
    {
        var admin = await fixture.UserAsync("Admin");
        var familyId = await fixture.FamilyAsync(admin);
        var invitation = await InviteAsync(admin, familyId, NewEmail());
        fixture.Clock.Advance(TimeSpan.FromSeconds(Email.ResendCooldownSeconds - 1));

        var refused = await Assert.ThrowsAsync<TooManyRequestsException>(() => ResendAsync(admin, familyId, invitation.Id));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        Assert.Equal(2, (await ResendAsync(admin, familyId, invitation.Id)).SendCount);
    }

    [Fact]
    public async Task Concurrent_invitations_never_exceed_a_limit()
    {
        var recipient = NewEmail();
        var admins = new List<(CurrentUser Admin, string FamilyId)>();
        for (var i = 0; i < 8; i++)
        {
            var admin = await fixture.UserAsync("Admin");
            admins.Add((admin, await fixture.FamilyAsync(admin)));
        }

        var outcomes = await Task.WhenAll(admins.Select(async a =>
        {
            try
            {
                await InviteAsync(a.Admin, a.FamilyId, recipient);
                return "sent";
            }
            catch (TooManyRequestsException)
            {
                return "refused";
            }
        }));

        Assert.Equal(Email.InvitationsPerRecipientPerDay, outcomes.Count(o => o == "sent"));
    }

    private static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    private Task<AcceptedResponse> RegisterAsync(string email, ClientInfo client) =>
        fixture.WithAsync<RegistrationService, AcceptedResponse>(s => s.RegisterAsync(new RegisterRequest(email, TestAccounts.Password, "Test"), client, default));

    private Task<AcceptedResponse> ResetAsync(string email) =>
        fixture.WithAsync<PasswordResetService, AcceptedResponse>(s => s.RequestAsync(new PasswordResetRequest(email), TestAccounts.NewClient(), default));

    private Task<InvitationResponse> InviteAsync(CurrentUser admin, string familyId, string email) =>
        fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.CreateAsync(admin, familyId, new CreateInvitationRequest(email), default));

    private Task<InvitationResponse> ResendAsync(CurrentUser admin, string familyId, string invitationId) =>
        fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.ResendAsync(admin, familyId, invitationId, default));
}
