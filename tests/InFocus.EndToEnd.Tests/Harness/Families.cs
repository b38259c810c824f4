using System.Net;
using System.Text.RegularExpressions;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>Families formed the way people form them: create, invite by email, accept with the emailed link.</summary>
public static partial class Families
{
    /// <summary>
    /// A family created by <paramref name="admin"/> that each of <paramref name="members"/> joined through the
    /// invitation email (read from smtp4dev). Returns the family's id.
    /// </summary>
    public static async Task<string> FormFamilyAsync(this DevHostFixture host, SignedInUser admin, params SignedInUser[] members)
    {
        var familyId = await admin.CreateFamilyAsync("Movie night");
        using var mail = new Smtp4devClient();
        foreach (var member in members)
        {
            await admin.InviteAsync(familyId, member.Email);
            var token = TokenOf(await mail.InvitationLinkAsync(member.Email));
            using var accepted = await member.Client.PostAsync($"api/invitations/{token}/accept", content: null);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        return familyId;
    }

    /// <summary>Creates a family through the API with <paramref name="admin"/> as its admin; returns its id.</summary>
    public static async Task<string> CreateFamilyAsync(this SignedInUser admin, string name = "The Testers")
    {
        using var response = await admin.Client.PostJsonAsync("api/families", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadAsync<FamilySummary>()).Id;
    }

    /// <summary>Invites <paramref name="email"/> through the API (202); its email follows through the queue.</summary>
    public static async Task<InvitationResponse> InviteAsync(this SignedInUser admin, string familyId, string email)
    {
        using var response = await admin.Client.PostJsonAsync($"api/families/{familyId}/invitations", new { email });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadAsync<InvitationResponse>();
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> invitation emails reached <paramref name="recipient"/> in smtp4dev
    /// and returns the link in the latest.
    /// </summary>
    public static async Task<Uri> InvitationLinkAsync(this Smtp4devClient mail, string recipient, int count = 1)
    {
        var messages = await mail.WaitForMessagesAsync(recipient, count);
        var text = await mail.PlainTextAsync(messages[^1].Id);
        var link = InvitationLink().Match(text);
        Assert.True(link.Success, $"The email to {recipient} carries no invitation link:\n{text}");
        return new Uri(link.Value);
    }

    /// <summary>The token an invitation link carries (its last path segment).</summary>
    public static string TokenOf(Uri link) => link.Segments[^1];

    [GeneratedRegex(@"https?://\S+/api/invitations/[A-Za-z0-9_-]{43}")]
    private static partial Regex InvitationLink();
}
