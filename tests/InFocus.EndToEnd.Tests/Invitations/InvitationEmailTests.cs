using System.Net;
using InFocus.Domain.Common;
using InFocus.Domain.Invitations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using InFocus.Domain.Emails;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>The invitation email through the real queue trigger: Azurite, the host's polling, smtp4dev.</summary>
[Collection(InvitationsCollection.Name)]
public sealed class InvitationEmailTests(InvitationsHostFixture host)
{
    [Fact]
    public async Task The_email_names_the_inviter_family_and_expiry_and_links_to_the_page()
    {
        using var invited = await host.InviteNewAddressAsync(familyName: "The Lovelaces", adminName: "Ada Lovelace");

        var message = Assert.Single(await host.Mail.MessagesToAsync(invited.Email));
        var text = await host.Mail.PlainTextAsync(message.Id);

        Assert.Equal(InvitationEmailComposer.Subject, message.Subject);
        Assert.Contains(invited.Link.ToString(), text, StringComparison.Ordinal);
        Assert.Contains(DisplayTime.Utc(invited.Invitation.ExpiresAt), text, StringComparison.Ordinal);
        await Eventually.TrueAsync(
            async () => (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)).EmailStatus == EmailDeliveryStatus.Sent,
            "the admins see the email as sent");
    }

    [Fact]
    public async Task Redelivering_the_same_queue_message_sends_no_second_email()
    {
        using var invited = await host.InviteNewAddressAsync();
        await Eventually.TrueAsync(
            async () => (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)).EmailStatus == EmailDeliveryStatus.Sent,
            "the first delivery recorded the email as sent");
        var sent = new EmailMessage(EmailKind.Invitation, invited.Invitation.Id, invited.Token, invited.Invitation.SendCount).ToJson();
        var queue = host.Queue();

        await queue.SendMessageAsync(sent);
        await queue.SendMessageAsync(sent);

        await Eventually.TrueAsync(
            () => host.Logs.Entries.Count(e => e.Contains($"Email invitation:{invited.Invitation.Id}:1 was already sent; nothing sent again", StringComparison.Ordinal)) == 2,
            "both copies of the message were handled");
        Assert.Single(await host.Mail.MessagesToAsync(invited.Email));
        Assert.False(await host.Queue("-poison").ExistsAsync());
        var invitation = await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id);
        Assert.Equal((EmailDeliveryStatus.Sent, 1), (invitation.EmailStatus, invitation.SendCount));
    }

    [Fact]
    public async Task Fifteen_quick_resends_fail_no_delivery_and_send_each_email_at_most_once()
    {
        // Observed: quick resends made deliveries fail ("busy"), each failure counting towards the poison queue.
        using var invited = await host.InviteNewAddressAsync();
        for (var i = 0; i < 15; i++)
        {
            using var resent = await invited.Admin.Client.PostAsync($"api/families/{invited.FamilyId}/invitations/{invited.Invitation.Id}/resend", content: null);
            Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        }

        await Eventually.TrueAsync(
            async () => (await invited.Admin.InvitationAsync(invited.FamilyId, invited.Invitation.Id)) is { EmailStatus: EmailDeliveryStatus.Sent, SendCount: 16 },
            "the last send was delivered");
        await Task.Delay(1000);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Contains($"invitation:{invited.Invitation.Id}:", StringComparison.Ordinal) && e.Contains("failed", StringComparison.Ordinal));
        Assert.False(await host.Queue("-poison").ExistsAsync());
        var sent = host.Logs.Entries
            .Where(e => e.Contains($"Sent email invitation:{invited.Invitation.Id}:", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(sent.Distinct().Count(), sent.Count);
        Assert.Equal(sent.Count, (await host.Mail.MessagesToAsync(invited.Email)).Count);
    }

    [Fact]
    public async Task The_token_travels_only_in_the_queue_message_and_the_email()
    {
        using var guest = await host.SignUpAsync();
        using var invited = await host.InviteNewAddressAsync(email: guest.Email);
        using var resent = await invited.Admin.Client.PostAsync($"api/families/{invited.FamilyId}/invitations/{invited.Invitation.Id}/resend", content: null);
        var newToken = Families.TokenOf(await host.Mail.InvitationLinkAsync(invited.Email, count: 2));
        using var listed = await invited.Admin.Client.GetAsync($"api/families/{invited.FamilyId}/invitations");
        using var received = await guest.Client.GetAsync("api/me/invitations");

        Assert.NotEqual(invited.Token, newToken);
        foreach (var response in new[] { resent, listed, received })
        {
            Assert.True(response.IsSuccessStatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(invited.Token, body, StringComparison.Ordinal);
            Assert.DoesNotContain(newToken, body, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(host.Logs.Entries, e => e.Contains(invited.Token, StringComparison.Ordinal) || e.Contains(newToken, StringComparison.Ordinal));
    }
}
