using System.Net;
using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.Functions.Http;

namespace InFocus.EndToEnd.Tests.Watchlist;

/// <summary>Every kind of bad input to the watchlist endpoints is a 4xx that says what is wrong, never a 5xx.</summary>
[Collection(WatchlistCollection.Name)]
public sealed class WatchlistInputHttpTests(MediaHostFixture host)
{
    private const string UnknownId = UnknownIds.WellFormed;

    public static TheoryData<string, string, string?, string> InvalidInput => new()
    {
        { "POST", "api/watchlist", "{bad", "body" },
        { "POST", "api/watchlist", """{"mediaItemId":""", "mediaItemId" },
        { "POST", "api/watchlist", "[]", "body" },
        { "POST", "api/watchlist", "null", "body" },
        { "POST", "api/watchlist", "", "body" },
        { "POST", "api/watchlist", """{"tmdbId":"550","type":"movie"}""", "tmdbId" },
        { "POST", "api/watchlist", """{"tmdbId":99999999999,"type":"movie"}""", "tmdbId" },
        { "POST", "api/watchlist", """{"tmdbId":1.5,"type":"movie"}""", "tmdbId" },
        { "POST", "api/watchlist", """{"tmdbId":-4,"type":"movie"}""", "tmdbId" },
        { "POST", "api/watchlist", """{"tmdbId":550}""", "type" },
        { "POST", "api/watchlist", """{"mediaItemId":"x"}""", "mediaItemId" },
        { "POST", "api/watchlist", """{"mediaItemId":"c\u00000000000000000000000a"}""", "mediaItemId" },
        { "POST", "api/watchlist", $$"""{"mediaItemId":"{{UnknownId}}","status":"seen"}""", "status" },
        { "POST", "api/watchlist", $$"""{"mediaItemId":"{{UnknownId}}","status":1}""", "status" },
        { "POST", "api/watchlist", $$"""{"mediaItemId":"{{UnknownId}}","rating":0}""", "rating" },
        { "POST", "api/watchlist", $$"""{"mediaItemId":"{{UnknownId}}","rating":"9"}""", "rating" },
        { "POST", "api/watchlist", $$"""{"mediaItemId":"{{UnknownId}}","notes":"a\u0000b"}""", "notes" },
        { "POST", "api/watchlist", $$"""{"mediaItemId":"{{UnknownId}}","notes":"{{new string('n', FieldLimits.Notes + 1)}}"}""", "notes" },
        { "PATCH", $"api/watchlist/{UnknownId}", "not json", "body" },
        { "PATCH", $"api/watchlist/{UnknownId}", """{"status":null}""", "status" },
        { "PATCH", $"api/watchlist/{UnknownId}", """{"status":""}""", "status" },
        { "PATCH", $"api/watchlist/{UnknownId}", """{"rating":11}""", "rating" },
        { "PATCH", $"api/watchlist/{UnknownId}", """{"rating":1.5}""", "rating" },
        { "PATCH", $"api/watchlist/{UnknownId}", """{"notes":"\u0000"}""", "notes" },
        { "PATCH", $"api/watchlist/{UnknownId}", $$"""{"notes":"{{new string('n', FieldLimits.Notes + 1)}}"}""", "notes" },
        { "GET", "api/watchlist?sort=foo", null, "sort" },
        { "GET", "api/watchlist?order=up", null, "order" },
        { "GET", "api/watchlist?status=%00", null, "status" },
        { "GET", $"api/watchlist?status={new string('s', 101)}", null, "status" },
        { "GET", "api/watchlist?limit=0", null, "limit" },
        { "GET", "api/watchlist?limit=201", null, "limit" },
        { "GET", "api/watchlist?limit=-1", null, "limit" },
        { "GET", "api/watchlist?limit=ten", null, "limit" },
        { "GET", "api/watchlist?cursor=garbage", null, "cursor" },
        { "GET", $"api/watchlist?cursor={new string('c', 1_025)}", null, "cursor" },
    };

    [Theory]
    [MemberData(nameof(InvalidInput))]
    public async Task Invalid_input_answers_400_naming_the_field(string method, string path, string? body, string field)
    {
        using var user = await host.SignUpAsync();

        using var response = await user.Client.SendRawAsync(method, path, body);

        Assert.Equal([field], await response.InvalidFieldsAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Malformed_and_unknown_ids_in_the_route_answer_404(string method)
    {
        using var user = await host.SignUpAsync();

        foreach (var id in UnknownIds.InRoutes)
        {
            using var response = await user.Client.SendRawAsync(method, $"api/watchlist/{id}", method == "PATCH" ? "{}" : null);
            await response.ProblemAsync(404);
        }
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_413_and_one_that_is_not_json_is_415()
    {
        using var user = await host.SignUpAsync();
        var huge = $$"""{"mediaItemId":"{{UnknownId}}","notes":"{{new string('n', RequestBody.DefaultMaxBytes)}}"}""";

        using var tooLarge = await user.Client.SendRawAsync("POST", "api/watchlist", huge);
        using var notJson = await user.Client.SendRawAsync("POST", "api/watchlist", $$"""{"mediaItemId":"{{UnknownId}}"}""", "text/plain");

        await tooLarge.ProblemAsync((int)HttpStatusCode.RequestEntityTooLarge);
        await notJson.ProblemAsync((int)HttpStatusCode.UnsupportedMediaType);
    }
}
