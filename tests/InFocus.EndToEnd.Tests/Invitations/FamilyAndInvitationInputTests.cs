using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.Functions.Http;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>Every kind of bad input to the family and invitation endpoints is a 4xx that says what is wrong, never a 5xx.</summary>
[Collection(InvitationsCollection.Name)]
public sealed class FamilyAndInvitationInputTests(InvitationsHostFixture host)
{
    /// <summary>Stands for the id of a family the caller is the admin of.</summary>
    private const string Family = "{family}";

    private const string UnknownId = UnknownIds.WellFormed;

    private static readonly string TooLongName = new('n', FieldLimits.FamilyName + 1);

    public static TheoryData<string, string, string?, string> InvalidInput => new()
    {
        { "POST", "api/families", "{bad", "body" },
        { "POST", "api/families", "[]", "body" },
        { "POST", "api/families", "null", "body" },
        { "POST", "api/families", "", "body" },
        { "POST", "api/families", "{}", "name" },
        { "POST", "api/families", """{"name":null}""", "name" },
        { "POST", "api/families", """{"name":"  "}""", "name" },
        { "POST", "api/families", """{"name":42}""", "name" },
        { "POST", "api/families", """{"name":["The Smiths"]}""", "name" },
        { "POST", "api/families", """{"name":"The\u0000Smiths"}""", "name" },
        { "POST", "api/families", $$"""{"name":"{{TooLongName}}"}""", "name" },
        { "PATCH", $"api/families/{Family}", "not json", "body" },
        { "PATCH", $"api/families/{Family}", """{"name":""}""", "name" },
        { "PATCH", $"api/families/{Family}", """{"name":true}""", "name" },
        { "PATCH", $"api/families/{Family}", """{"name":"a\u0000"}""", "name" },
        { "PATCH", $"api/families/{Family}", $$"""{"name":"{{TooLongName}}"}""", "name" },
        { "PATCH", $"api/families/{Family}/members/{UnknownId}", "{bad", "body" },
        { "PATCH", $"api/families/{Family}/members/{UnknownId}", "{}", "role" },
        { "PATCH", $"api/families/{Family}/members/{UnknownId}", """{"role":"owner"}""", "role" },
        { "PATCH", $"api/families/{Family}/members/{UnknownId}", """{"role":"ADMIN"}""", "role" },
        { "PATCH", $"api/families/{Family}/members/{UnknownId}", """{"role":1}""", "role" },
        { "PATCH", $"api/families/{Family}/members/{UnknownId}", """{"role":"admin\u0000"}""", "role" },
        { "PATCH", $"api/families/{Family}/members/{UnknownId}", $$"""{"role":"{{new string('r', 300)}}"}""", "role" },
        { "POST", $"api/families/{Family}/invitations", "{bad", "body" },
        { "POST", $"api/families/{Family}/invitations", "", "body" },
        { "POST", $"api/families/{Family}/invitations", "{}", "email" },
        { "POST", $"api/families/{Family}/invitations", """{"email":"not an address"}""", "email" },
        { "POST", $"api/families/{Family}/invitations", """{"email":"guest@localhost"}""", "email" },
        { "POST", $"api/families/{Family}/invitations", """{"email":7}""", "email" },
        { "POST", $"api/families/{Family}/invitations", """{"email":"gu\u0000est@example.com"}""", "email" },
        { "POST", $"api/families/{Family}/invitations", $$"""{"email":"{{new string('g', FieldLimits.Email)}}@example.com"}""", "email" },
        { "GET", "api/families?limit=0", null, "limit" },
        { "GET", "api/families?limit=201", null, "limit" },
        { "GET", "api/families?limit=ten", null, "limit" },
        { "GET", "api/families?cursor=garbage", null, "cursor" },
        { "GET", $"api/families?cursor={new string('c', 1_025)}", null, "cursor" },
        { "GET", $"api/families/{Family}/invitations?status=seen", null, "status" },
        { "GET", $"api/families/{Family}/invitations?status=%00", null, "status" },
        { "GET", $"api/families/{Family}/invitations?status={new string('s', 101)}", null, "status" },
        { "GET", $"api/families/{Family}/invitations?limit=-1", null, "limit" },
        { "GET", $"api/families/{Family}/invitations?cursor=garbage", null, "cursor" },
        { "GET", "api/me/invitations?limit=0", null, "limit" },
        { "GET", "api/me/invitations?cursor=garbage", null, "cursor" },
    };

    [Theory]
    [MemberData(nameof(InvalidInput))]
    public async Task Invalid_input_answers_400_naming_the_field(string method, string path, string? body, string field)
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();

        using var response = await admin.Client.SendRawAsync(method, path.Replace(Family, familyId, StringComparison.Ordinal), body);

        Assert.Equal([field], await response.InvalidFieldsAsync());
    }

    [Fact]
    public async Task Malformed_and_unknown_ids_in_the_route_answer_404_for_every_verb()
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();
        var routes = UnknownIds.InRoutes.SelectMany(id => new (string Method, string Path, string? Body)[]
        {
            ("GET", $"api/families/{id}", null),
            ("PATCH", $"api/families/{id}", """{"name":"Renamed"}"""),
            ("DELETE", $"api/families/{id}", null),
            ("GET", $"api/families/{id}/watchlist", null),
            ("PATCH", $"api/families/{id}/members/{admin.Id}", """{"role":"member"}"""),
            ("DELETE", $"api/families/{id}/members/{admin.Id}", null),
            ("POST", $"api/families/{id}/invitations", """{"email":"guest@example.com"}"""),
            ("GET", $"api/families/{id}/invitations", null),
            ("PATCH", $"api/families/{familyId}/members/{id}", """{"role":"member"}"""),
            ("DELETE", $"api/families/{familyId}/members/{id}", null),
            ("DELETE", $"api/families/{familyId}/invitations/{id}", null),
            ("POST", $"api/families/{familyId}/invitations/{id}/resend", null),
        });

        foreach (var (method, path, body) in routes)
        {
            using var response = await admin.Client.SendRawAsync(method, path, body);
            Assert.True((int)response.StatusCode == 404, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.ProblemAsync(404);
        }

        Assert.Equal(familyId, (await admin.FamilyAsync(familyId)).Id);
    }

    [Fact]
    public async Task Malformed_and_unknown_invitation_tokens_answer_404()
    {
        using var user = await host.SignUpAsync();
        using var anonymous = host.CreateUserClient();
        var tokens = new[] { "not-a-token", SecureToken.Generate(), SecureToken.Generate()[..42] + "*", new string('t', 300) };

        foreach (var token in tokens)
        {
            using var accept = await user.Client.SendRawAsync("POST", $"api/invitations/{token}/accept");
            using var decline = await anonymous.SendRawAsync("POST", $"api/invitations/{token}/decline");
            using var page = await anonymous.GetAsync($"api/invitations/{token}");

            await accept.ProblemAsync(404);
            await decline.ProblemAsync(404);
            Assert.True((int)page.StatusCode == 404, $"GET api/invitations/{token}: {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_413_and_one_that_is_not_json_is_415()
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();
        var huge = $$"""{"name":"The Smiths","padding":"{{new string('p', RequestBody.DefaultMaxBytes)}}"}""";

        using var tooLarge = await admin.Client.SendRawAsync("POST", "api/families", huge);
        using var notJson = await admin.Client.SendRawAsync("POST", $"api/families/{familyId}/invitations", """{"email":"guest@example.com"}""", "text/plain");

        await tooLarge.ProblemAsync(413);
        await notJson.ProblemAsync(415);
    }
}
