using System.Net;
using InFocus.Domain.Invitations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;
using InFocus.Domain.Emails;

namespace InFocus.EndToEnd.Tests.Invitations;

[Collection(FailingEmailCollection.Name)]
public sealed class InvitationEmailFailureTests(FailingEmailHostFixture host)
{
    [Fact]
    public async Task An_email_that_keeps_failing_ends_in_the_poison_queue_as_failed_and_a_resend_recovers_it()
    {
        host.Smtp.Broken = true;
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();
        var email = InvitationSteps.NewAddress();
        var invitation = await admin.InviteAsync(familyId, email);
        var poison = host.Queue("-poison");

        await Eventually.TrueAsync(async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync()).Value.Length > 0, "the message reached the poison queue");

        var poisoned = Assert.Single((await poison.PeekMessagesAsync(maxMessages: 32)).Value);
        Assert.Equal(invitation.Id, EmailMessage.TryParse(poisoned.Body.ToString())?.Id);
        Assert.Equal(5, host.Logs.Entries.Count(e => e.Contains($"Sending email invitation:{invitation.Id}:1 failed", StringComparison.Ordinal)));
        var failed = await admin.InvitationAsync(familyId, invitation.Id);
        Assert.Equal(EmailDeliveryStatus.Failed, failed.EmailStatus);
        Assert.StartsWith("The SMTP server did not take the email", failed.EmailError, StringComparison.Ordinal);
        Assert.Empty(await host.Mail.MessagesToAsync(email));

        host.Smtp.Broken = false;
        using var resend = await admin.Client.PostAsync($"api/families/{familyId}/invitations/{invitation.Id}/resend", content: null);

        Assert.Equal(HttpStatusCode.Accepted, resend.StatusCode);
        var link = await host.Mail.InvitationLinkAsync(email);
        await Eventually.TrueAsync(
            async () => (await admin.InvitationAsync(familyId, invitation.Id)) is { EmailStatus: EmailDeliveryStatus.Sent, EmailError: null, SendCount: 2 },
            "the admins see the resent email as sent");
        using var page = await host.CreateUserClient().GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
