using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
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
        using var created = await admin.Client.PostJsonAsync("api/families", new { name = "Movie night" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var familyId = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var mail = new Smtp4devClient();
        foreach (var member in members)
        {
            using var invited = await admin.Client.PostJsonAsync($"api/families/{familyId}/invitations", new { email = member.Email });
            Assert.Equal(HttpStatusCode.Accepted, invited.StatusCode);
            var message = (await mail.WaitForMessagesAsync(member.Email)).Last();
            var token = InvitationLink().Match(await mail.PlainTextAsync(message.Id)).Groups["token"].Value;
            using var accepted = await member.Client.PostAsync($"api/invitations/{token}/accept", content: null);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        return familyId;
    }

    [GeneratedRegex("/api/invitations/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex InvitationLink();
}
