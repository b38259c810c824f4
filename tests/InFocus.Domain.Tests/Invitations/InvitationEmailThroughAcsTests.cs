using InFocus.Domain.Common.Email.Acs;
using InFocus.Domain.Invitations;
using InFocus.Domain.Tests.Families;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Tests.Invitations;

/// <summary>The invitation email as it goes out in Azure: through the ACS client, to a fake ACS that checks the request.</summary>
public sealed class InvitationEmailThroughAcsTests(AcsInvitationsFixture fixture) : IClassFixture<AcsInvitationsFixture>
{
    [Fact]
    public async Task The_Operation_Id_is_derived_from_the_invitation_and_its_send_count_so_a_lost_sent_mark_sends_nothing_twice()
    {
        await fixture.DrainQueueAsync();
        var admin = await fixture.UserAsync("Ada Lovelace");
        var familyId = await fixture.FamilyAsync(admin);
        var invitation = await fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s =>
            s.CreateAsync(admin, familyId, new CreateInvitationRequest($"guest.{Guid.NewGuid():N}@example.test"), default));
        var message = Assert.Single(await fixture.DrainQueueAsync());
        var token = EmailMessage.TryParse(message)!.Token;

        await DeliverAsync(message);
        // The process died after ACS took the email and before "sent" was committed: the message comes back.
        await fixture.DbAsync(db => db.FamilyInvitations.Where(i => i.Id == invitation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.EmailStatus, EmailDeliveryStatus.Pending)));
        await DeliverAsync(message);

        var sent = Assert.Single(fixture.Acs.Sent);
        Assert.Equal(AcsEmailClient.OperationIdFor($"invitation:{invitation.Id}:1").ToString(), sent.OperationId);
        Assert.Equal((invitation.Email, InvitationEmailComposer.Subject), (sent.To, sent.Subject));
        Assert.Contains($"/api/invitations/{token}", sent.PlainText, StringComparison.Ordinal);
        Assert.Contains($"/api/invitations/{token}", sent.Html, StringComparison.Ordinal);
        Assert.Equal(EmailDeliveryStatus.Sent, await fixture.DbAsync(db => db.FamilyInvitations.Where(i => i.Id == invitation.Id).Select(i => i.EmailStatus).SingleAsync()));

        await fixture.WithAsync<FamilyInvitationsService, InvitationResponse>(s => s.ResendAsync(admin, familyId, invitation.Id, default));
        await DeliverAsync(Assert.Single(await fixture.DrainQueueAsync()));

        Assert.Equal(
            [AcsEmailClient.OperationIdFor($"invitation:{invitation.Id}:1").ToString(), AcsEmailClient.OperationIdFor($"invitation:{invitation.Id}:2").ToString()],
            fixture.Acs.Sent.Select(e => e.OperationId));
    }

    private Task DeliverAsync(string message) => fixture.WithAsync<EmailDelivery>(d => d.DeliverAsync(message, default));
}

/// <summary>Invitation services whose emails go to a <see cref="FakeAcsEmailServer"/>, signed with its access key.</summary>
public sealed class AcsInvitationsFixture : InvitationsFixture
{
    public FakeAcsEmailServer Acs { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        // Requests are signed with the clock's date, which ACS (and the fake) accepts only within 15 minutes of its own.
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
        Acs = await FakeAcsEmailServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Acs.DisposeAsync();
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Email__Provider"] = "AzureCommunicationServices";
        settings["Email__Acs__Endpoint"] = Acs.Endpoint.ToString();
        settings["Email__Acs__AccessKey"] = Acs.AccessKey;
        return settings;
    }
}
