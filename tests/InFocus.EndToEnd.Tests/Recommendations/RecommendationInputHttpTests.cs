using InFocus.Domain.Common;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.EndToEnd.Tests.Watchlist;

namespace InFocus.EndToEnd.Tests.Recommendations;

/// <summary>Every kind of bad input to the recommendation endpoints is a 4xx that says what is wrong, never a 5xx.</summary>
[Collection(WatchlistCollection.Name)]
public sealed class RecommendationInputHttpTests(MediaHostFixture host)
{
    private const string UnknownId = UnknownIds.WellFormed;
    private const string OtherUnknownId = "c00000000000000000000000b";

    public static TheoryData<string, string, string?, string> InvalidInput => new()
    {
        { "POST", "api/recommendations", "{bad", "body" },
        { "POST", "api/recommendations", """{"recipientId":""", "recipientId" },
        { "POST", "api/recommendations", "[1]", "body" },
        { "POST", "api/recommendations", $$"""{"recipientId":"{{OtherUnknownId}}"}""", "mediaItemId,tmdbId" },
        { "POST", "api/recommendations", $$"""{"tmdbId":"550","type":"movie","recipientId":"{{OtherUnknownId}}"}""", "tmdbId" },
        { "POST", "api/recommendations", $$"""{"tmdbId":550,"type":"podcast","recipientId":"{{OtherUnknownId}}"}""", "type" },
        { "POST", "api/recommendations", $$"""{"mediaItemId":"{{UnknownId}}"}""", "recipientId" },
        { "POST", "api/recommendations", $$"""{"mediaItemId":"{{UnknownId}}","recipientId":"x"}""", "recipientId" },
        { "POST", "api/recommendations", $$"""{"mediaItemId":"{{UnknownId}}","recipientId":42}""", "recipientId" },
        { "POST", "api/recommendations", $$"""{"mediaItemId":"{{UnknownId}}","recipientId":"{{OtherUnknownId}}","message":"a\u0000b"}""", "message" },
        { "POST", "api/recommendations", $$"""{"mediaItemId":"{{UnknownId}}","recipientId":"{{OtherUnknownId}}","message":"{{new string('m', FieldLimits.RecommendationMessage + 1)}}"}""", "message" },
        { "GET", "api/recommendations/received?status=maybe", null, "status" },
        { "GET", "api/recommendations/received?limit=0", null, "limit" },
        { "GET", "api/recommendations/received?limit=201", null, "limit" },
        { "GET", "api/recommendations/received?cursor=garbage", null, "cursor" },
        { "GET", "api/recommendations/sent?status=%00", null, "status" },
        { "GET", "api/recommendations/sent?limit=ten", null, "limit" },
        { "GET", "api/recommendations/sent?cursor=garbage", null, "cursor" },
    };

    [Theory]
    [MemberData(nameof(InvalidInput))]
    public async Task Invalid_input_answers_400_naming_the_fields(string method, string path, string? body, string fields)
    {
        using var user = await host.SignUpAsync();

        using var response = await user.Client.SendRawAsync(method, path, body);

        Assert.Equal(fields.Split(','), await response.InvalidFieldsAsync());
    }

    [Theory]
    [InlineData("POST", "accept")]
    [InlineData("POST", "reject")]
    [InlineData("DELETE", null)]
    public async Task Malformed_and_unknown_ids_in_the_route_answer_404(string method, string? action)
    {
        using var user = await host.SignUpAsync();

        foreach (var id in UnknownIds.InRoutes)
        {
            using var response = await user.Client.SendRawAsync(method, action is null ? $"api/recommendations/{id}" : $"api/recommendations/{id}/{action}");
            await response.ProblemAsync(404);
        }
    }
}
