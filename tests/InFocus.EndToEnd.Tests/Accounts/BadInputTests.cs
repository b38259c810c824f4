using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// Every kind of bad input to the Accounts endpoints gets a 4xx problem naming what is wrong, never a 5xx: malformed
/// or mistyped JSON, a missing body, the wrong content type, oversized bodies and strings, U+0000 and unpaired
/// surrogates, query values that are not numbers or out of range, and malformed ids.
/// </summary>
[Collection(AccountsCollection.Name)]
public sealed class BadInputTests(AccountsHostFixture host)
{
    private static readonly string Long = new('x', 3_000);

    public static TheoryData<string, string, string?, int, string?> Anonymous() => new()
    {
        { "POST", "api/auth/register", "{", 400, "body" },
        { "POST", "api/auth/register", "[]", 400, "body" },
        { "POST", "api/auth/register", "null", 400, "body" },
        { "POST", "api/auth/register", "\"ada@example.com\"", 400, "body" },
        { "POST", "api/auth/register", null, 400, "body" },
        { "POST", "api/auth/register", """{"email":["ada@example.com"],"password":"correct horse battery staple","name":"Ada"}""", 400, "email" },
        { "POST", "api/auth/register", $$"""{"email":"{{Long}}@example.com","password":"correct horse battery staple","name":"Ada"}""", 400, "email" },
        { "POST", "api/auth/register", $$"""{"email":"ada@example.com","password":"correct horse battery staple","name":"{{Long}}"}""", 400, "name" },
        { "POST", "api/auth/register", """{"email":"ada@example.com","password":"correct horse battery staple","name":"A\u0000da"}""", 400, "name" },
        { "POST", "api/auth/register", """{"email":"ada@example.com","password":"correct horse battery staple","name":"A\ud800da"}""", 400, "name" },
        { "POST", "api/auth/register", $$"""{"email":"ada@example.com","password":"{{Long}}","name":"Ada"}""", 400, "password" },
        { "POST", "api/auth/register", BadRequests.JsonOfSize(70_000), 413, null },
        { "POST", "api/auth/login", "{\"email\":", 400, "email" },
        { "POST", "api/auth/login", """{"email":5,"password":"x"}""", 400, "email" },
        { "POST", "api/auth/login", """{"email":"a\u0000b@example.com","password":"x"}""", 400, "email" },
        { "POST", "api/auth/login", $$"""{"email":"ada@example.com","password":"{{new string('x', 60_000)}}"}""", 401, null },
        { "POST", "api/auth/refresh", """{"refreshToken":5}""", 400, "refreshToken" },
        { "POST", "api/auth/refresh", $$"""{"refreshToken":"{{Long}}"}""", 401, null },
        { "POST", "api/auth/refresh", """{"refreshToken":"\u0000AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""", 401, null },
        { "POST", "api/auth/refresh", BadRequests.JsonOfSize(70_000), 413, null },
    };

    public static TheoryData<string, string, string?, int, string?> SignedIn() => new()
    {
        { "PATCH", "api/me", "{", 400, "body" },
        { "PATCH", "api/me", null, 400, "body" },
        { "PATCH", "api/me", """{"name":""}""", 400, "name" },
        { "PATCH", "api/me", """{"name":{"first":"Ada"}}""", 400, "name" },
        { "PATCH", "api/me", $$"""{"name":"{{Long}}"}""", 400, "name" },
        { "PATCH", "api/me", """{"name":"\u0000"}""", 400, "name" },
        { "PATCH", "api/me/profile", $$"""{"bio":"{{Long}}"}""", 400, "bio" },
        { "PATCH", "api/me/profile", """{"bio":"a\u0000b"}""", 400, "bio" },
        { "PATCH", "api/me/profile", """{"bio":"\udc00"}""", 400, "bio" },
        { "PATCH", "api/me/profile", """{"avatar":"https://cdn.example.com/a\u0000.png"}""", 400, "avatar" },
        { "PATCH", "api/me/profile", $$"""{"avatar":"https://cdn.example.com/{{Long}}.png"}""", 400, "avatar" },
        { "PATCH", "api/me/profile", """{"avatar":5}""", 400, "avatar" },
        { "PATCH", "api/me/profile", """{"avatar":"ftp://example.com/a.png"}""", 400, "avatar" },
        { "PATCH", "api/me/profile", """{"bio":42}""", 400, "bio" },
        { "PATCH", "api/me/profile", """{"preferences":[1,2]}""", 400, "preferences" },
        { "PATCH", "api/me/profile", """{"preferences":{"a":{"b":{"c":{"d":{"e":{}}}}}}}""", 400, "preferences" },
        { "PATCH", "api/me/profile", """{"preferences":{"theme":"\ud800"}}""", 400, "preferences" },
        { "PATCH", "api/me/profile", """{"preferences":{"the\u0000me":"dark"}}""", 400, "preferences" },
        { "PATCH", "api/me/profile", $$"""{"preferences":{{new string('[', 100)}}{{new string(']', 100)}}}""", 400, null },
        { "PATCH", "api/me/profile", BadRequests.JsonOfSize(70_000), 413, null },
        { "POST", "api/me/password", "{", 400, "body" },
        { "POST", "api/me/password", """{"currentPassword":1,"newPassword":"a completely new passphrase"}""", 400, "currentPassword" },
        { "POST", "api/me/password", $$"""{"currentPassword":"x","newPassword":"{{Long}}"}""", 400, "newPassword" },
        { "DELETE", "api/me", null, 400, "body" },
        { "DELETE", "api/me", """{"password":[]}""", 400, "password" },
        { "GET", "api/auth/sessions?limit=abc", null, 400, "limit" },
        { "GET", "api/auth/sessions?limit=99999999999", null, 400, "limit" },
        { "GET", "api/auth/sessions?limit=0", null, 400, "limit" },
        { "GET", "api/auth/sessions?limit=-1", null, 400, "limit" },
        { "GET", "api/auth/sessions?cursor=%00", null, 400, "cursor" },
        { "GET", $"api/auth/sessions?cursor={Long}", null, 400, "cursor" },
        { "DELETE", "api/auth/sessions/not-an-id", null, 404, null },
        { "DELETE", $"api/auth/sessions/c{Long[..300]}", null, 404, null },
    };

    [Theory]
    [MemberData(nameof(Anonymous))]
    public Task Anonymous_endpoints_answer_bad_input_with_a_4xx_problem(string method, string path, string? body, int status, string? field) =>
        host.CreateUserClient().AssertProblemAsync(method, path, body, status, field);

    [Theory]
    [MemberData(nameof(SignedIn))]
    public async Task Signed_in_endpoints_answer_bad_input_with_a_4xx_problem(string method, string path, string? body, int status, string? field)
    {
        using var user = await host.SignUpAsync();

        await user.Client.AssertProblemAsync(method, path, body, status, field);
    }

    [Theory]
    [InlineData("POST", "api/auth/register")]
    [InlineData("POST", "api/auth/login")]
    [InlineData("PATCH", "api/me")]
    [InlineData("PATCH", "api/me/profile")]
    [InlineData("POST", "api/me/password")]
    public async Task A_body_that_is_not_json_is_415(string method, string path)
    {
        using var user = await host.SignUpAsync();

        await user.Client.AssertProblemAsync(method, path, "email=ada@example.com", 415, null, "text/plain");
    }
}
