using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Media;

/// <summary>
/// Every kind of bad input to the Media endpoints gets a 4xx problem naming what is wrong, never a 5xx (and never a
/// request to TMDB): malformed or mistyped JSON, oversized bodies and strings, U+0000, query values that are not
/// numbers or out of range, regions that are not two-letter codes, and malformed ids.
/// </summary>
[Collection(MediaCollection.Name)]
public sealed class BadInputTests(MediaHostFixture host)
{
    private const string Unknown = "api/media/cunknownunknownunknown000";

    public static TheoryData<string, string, string?, int, string?> Requests() => new()
    {
        { "GET", "api/media/search", null, 400, "query" },
        { "GET", "api/media/search?query=%00", null, 400, "query" },
        { "GET", "api/media/search?query=%20%20", null, 400, "query" },
        { "GET", $"api/media/search?query={new string('x', 201)}", null, 400, "query" },
        { "GET", "api/media/search?query=x&type=ALL", null, 400, "type" },
        { "GET", "api/media/search?query=x&type=person", null, 400, "type" },
        { "GET", $"api/media/search?query=x&type={new string('x', 500)}", null, 400, "type" },
        { "GET", "api/media/search?query=x&page=abc", null, 400, "page" },
        { "GET", "api/media/search?query=x&page=99999999999", null, 400, "page" },
        { "GET", "api/media/search?query=x&page=0", null, 400, "page" },
        { "GET", "api/media/search?query=x&page=501", null, 400, "page" },
        { "GET", "api/media/search?query=x&page=1.5", null, 400, "page" },
        { "GET", $"{Unknown}?region=USA", null, 400, "region" },
        { "GET", $"{Unknown}?region=%00%00", null, 400, "region" },
        { "GET", $"{Unknown}?region=%C3%84%C3%96", null, 400, "region" },
        { "GET", $"{Unknown}/providers?region=U", null, 400, "region" },
        { "GET", $"{Unknown}/providers?region=1", null, 400, "region" },
        { "GET", $"{Unknown}/providers?limit=0", null, 400, "limit" },
        { "GET", $"{Unknown}/providers?limit=abc", null, 400, "limit" },
        { "GET", $"{Unknown}/providers?limit=99999999999", null, 400, "limit" },
        { "GET", $"{Unknown}/providers?limit=500", null, 400, "limit" },
        { "GET", $"{Unknown}/providers?cursor=not-a-cursor", null, 400, "cursor" },
        { "GET", Unknown, null, 404, null },
        { "GET", $"{Unknown}/providers", null, 404, null },
        { "GET", "api/media/not-an-id", null, 404, null },
        { "GET", $"api/media/c{new string('x', 300)}", null, 404, null },
        { "GET", "api/media/not-an-id/providers", null, 404, null },
        { "POST", "api/media", "{", 400, "body" },
        { "POST", "api/media", "[]", 400, "body" },
        { "POST", "api/media", "null", 400, "body" },
        { "POST", "api/media", null, 400, "body" },
        { "POST", "api/media", "", 400, "body" },
        { "POST", "api/media", """{"type":"movie"}""", 400, "tmdbId" },
        { "POST", "api/media", """{"tmdbId":"550","type":"movie"}""", 400, "tmdbId" },
        { "POST", "api/media", """{"tmdbId":550,"type":"person"}""", 400, "type" },
        { "POST", "api/media", """{"tmdbId":99999999999,"type":"movie"}""", 400, "tmdbId" },
        { "POST", "api/media", """{"tmdbId":1.5,"type":"movie"}""", 400, "tmdbId" },
        { "POST", "api/media", """{"tmdbId":-550,"type":"movie"}""", 400, "tmdbId" },
        { "POST", "api/media", """{"tmdbId":550,"type":5}""", 400, "type" },
        { "POST", "api/media", """{"tmdbId":550,"type":"mo\u0000vie"}""", 400, "type" },
        { "POST", "api/media", $$"""{"tmdbId":550,"type":"{{new string('x', 3_000)}}"}""", 400, "type" },
        { "POST", "api/media", BadRequests.JsonOfSize(70_000), 413, null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Bad_input_is_answered_with_a_4xx_problem_without_asking_TMDB(string method, string path, string? body, int status, string? field)
    {
        using var user = await host.SignUpAsync();
        var before = host.Tmdb.Requests.Count;

        await user.Client.AssertProblemAsync(method, path, body, status, field);

        Assert.Equal(before, host.Tmdb.Requests.Count);
    }

    [Fact]
    public async Task An_import_body_that_is_not_json_is_415()
    {
        using var user = await host.SignUpAsync();

        await user.Client.AssertProblemAsync("POST", "api/media", "tmdbId=550&type=movie", 415, null, "application/x-www-form-urlencoded");
    }
}
