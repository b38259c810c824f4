using System.Net;
using System.Net.Http.Json;
using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>
/// Who may call each family and invitation endpoint, over HTTP: the family's admin, one of its members, a signed-in
/// outsider (the admin of another family) and an anonymous caller. Outsiders never learn that the family exists (404),
/// members are refused admin actions (403), anonymous callers are asked to sign in (401).
/// </summary>
[Collection(InvitationsCollection.Name)]
public sealed class AuthorizationMatrixTests(InvitationsHostFixture host)
{
    private enum Caller
    {
        Anonymous,
        Outsider,
        Member,
        Admin,
    }

    /// <summary>One endpoint and the status each caller gets; null where the call is not made (it would change what other rows rely on).</summary>
    private sealed record Row(HttpMethod Method, string Path, object? Body, int? Admin, int? Member, int? Outsider, int Anonymous = 401);

    [Fact]
    public async Task Each_family_and_invitation_endpoint_answers_each_kind_of_caller_as_documented()
    {
        using var invited = await host.InviteNewAddressAsync();
        var admin = invited.Admin;
        using var member = await host.SignUpAsync(email: invited.Email);
        using (var accepted = await member.Client.PostAsync($"api/invitations/{invited.Token}/accept", content: null))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var outsider = await host.SignUpAsync();
        var otherFamily = await outsider.CreateFamilyAsync("The Others");
        var family = invited.FamilyId;
        var toResend = await admin.InviteAsync(family, InvitationSteps.NewAddress());
        var toRevoke = await admin.InviteAsync(family, InvitationSteps.NewAddress());
        var stranger = InvitationSteps.NewAddress();
        await admin.InviteAsync(family, stranger);
        var strangersToken = Families.TokenOf(await host.Mail.InvitationLinkAsync(stranger));

        Row[] rows =
        [
            new(HttpMethod.Get, $"api/families/{family}", null, Admin: 200, Member: 200, Outsider: 404),
            new(HttpMethod.Patch, $"api/families/{family}", new { name = "The Testers" }, Admin: 200, Member: 403, Outsider: 404),
            new(HttpMethod.Delete, $"api/families/{family}", null, Admin: null, Member: 403, Outsider: 404),
            new(HttpMethod.Get, $"api/families/{family}/watchlist", null, Admin: 200, Member: 200, Outsider: 404),
            new(HttpMethod.Patch, $"api/families/{family}/members/{member.Id}", new { role = "member" }, Admin: 200, Member: 403, Outsider: 404),
            new(HttpMethod.Delete, $"api/families/{family}/members/{admin.Id}", null, Admin: null, Member: 403, Outsider: 404),
            new(HttpMethod.Post, $"api/families/{family}/invitations", new { email = InvitationSteps.NewAddress() }, Admin: 202, Member: 403, Outsider: 404),
            new(HttpMethod.Get, $"api/families/{family}/invitations", null, Admin: 200, Member: 403, Outsider: 404),
            new(HttpMethod.Post, $"api/families/{family}/invitations/{toResend.Id}/resend", null, Admin: 202, Member: 403, Outsider: 404),
            new(HttpMethod.Delete, $"api/families/{family}/invitations/{toRevoke.Id}", null, Admin: 204, Member: 403, Outsider: 404),
            // The outsider is an admin, of another family: this family's invitations are still not theirs.
            new(HttpMethod.Post, $"api/families/{otherFamily}/invitations/{toResend.Id}/resend", null, Admin: null, Member: null, Outsider: 404),
            new(HttpMethod.Delete, $"api/families/{otherFamily}/invitations/{toResend.Id}", null, Admin: null, Member: null, Outsider: 404),
            new(HttpMethod.Get, "api/me/invitations", null, Admin: 200, Member: 200, Outsider: 200),
            // Someone else's invitation link: only the invited address may accept it.
            new(HttpMethod.Post, $"api/invitations/{strangersToken}/accept", null, Admin: 403, Member: 403, Outsider: 403),
        ];

        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = host.CreateUserClient(),
            [Caller.Outsider] = outsider.Client,
            [Caller.Member] = member.Client,
            [Caller.Admin] = admin.Client,
        };
        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            // Refused callers first: the admin's call may change what the row is about (a revoked invitation).
            foreach (var (caller, expected) in new[] { (Caller.Anonymous, row.Anonymous), (Caller.Outsider, row.Outsider), (Caller.Member, row.Member), (Caller.Admin, row.Admin) })
            {
                if (expected is not { } status)
                {
                    continue;
                }

                using var request = new HttpRequestMessage(row.Method, row.Path);
                if (row.Body is not null)
                {
                    request.Content = JsonContent.Create(row.Body, options: InFocusJson.Options);
                }

                using var response = await clients[caller].SendAsync(request);
                if ((int)response.StatusCode != status)
                {
                    mismatches.Add($"{row.Method} {row.Path} as {caller}: expected {status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        clients[Caller.Anonymous].Dispose();
        Assert.Empty(mismatches);
    }
}
