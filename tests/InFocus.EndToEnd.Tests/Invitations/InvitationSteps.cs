using System.Net;
using Azure.Storage.Queues;
using InFocus.Domain.Common;
using InFocus.Domain.Common.Storage;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>What the invitation tests do over and over (besides <see cref="Families"/>), through the API and the shared smtp4dev.</summary>
internal static class InvitationSteps
{
    /// <summary>An address no other test uses, so its emails in the shared smtp4dev are this test's alone.</summary>
    public static string NewAddress() => $"guest-{Guid.NewGuid():N}@example.com";

    public static async Task<FamilyDetails> FamilyAsync(this SignedInUser user, string familyId)
    {
        using var response = await user.Client.GetAsync($"api/families/{familyId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<FamilyDetails>();
    }

    /// <summary>The invitation as the family's admins see it in their list.</summary>
    public static async Task<InvitationResponse> InvitationAsync(this SignedInUser admin, string familyId, string invitationId)
    {
        using var response = await admin.Client.GetAsync($"api/families/{familyId}/invitations?limit=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync<Page<InvitationResponse>>()).Items.Single(i => i.Id == invitationId);
    }

    /// <summary>
    /// A family whose admin invited a fresh address, with the link from the email that reached it. The admin is
    /// disposed with the result.
    /// </summary>
    public static async Task<Invited> InviteNewAddressAsync(this InvitationsHostFixture host, string familyName = "The Testers", string adminName = "Ada Admin", string? email = null)
    {
        var admin = await host.SignUpAsync(name: adminName);
        var familyId = await admin.CreateFamilyAsync(familyName);
        email ??= NewAddress();
        var invitation = await admin.InviteAsync(familyId, email);
        var link = await host.Mail.InvitationLinkAsync(email);
        return new Invited(admin, familyId, email, invitation, link);
    }

    /// <summary>The host's invitation email queue (or its poison queue) as the queue trigger reads it (base64).</summary>
    public static QueueClient Queue(this DevHostFixture host, string suffix = "") =>
        StorageServiceCollectionExtensions.CreateQueueServiceClient(new StorageOptions { ConnectionString = TestEnvironment.Storage })
            .GetQueueClient(host.InvitationQueue + suffix);
}

/// <summary>An invitation in flight: the inviting admin, the family, the invited address and the emailed link.</summary>
internal sealed record Invited(SignedInUser Admin, string FamilyId, string Email, InvitationResponse Invitation, Uri Link) : IDisposable
{
    public string Token => Families.TokenOf(Link);

    public void Dispose() => Admin.Dispose();
}
