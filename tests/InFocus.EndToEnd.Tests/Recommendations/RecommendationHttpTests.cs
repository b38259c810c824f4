using System.Net;
using InFocus.Domain.Common;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.EndToEnd.Tests.Watchlist;

namespace InFocus.EndToEnd.Tests.Recommendations;

[Collection(WatchlistCollection.Name)]
public sealed class RecommendationHttpTests(MediaHostFixture host)
{
    [Fact]
    public async Task Family_members_exchange_recommendations_and_an_accepted_title_lands_on_the_watchlist()
    {
        using var sam = await host.SignUpAsync(name: "Sam");
        using var rita = await host.SignUpAsync(name: "Rita");
        await host.FormFamilyAsync(sam, rita);
        var media = await host.TitleAsync("Paddington 2");

        using var created = await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id, message = "Trust me." });
        var recommendation = await created.ReadAsync<RecommendationResponse>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((RecommendationStatus.Pending, "Rita", "Paddington 2"), (recommendation.Status, recommendation.RecommendedTo.Name, recommendation.Media.Title));

        var received = await (await rita.Client.GetAsync("api/recommendations/received?status=pending")).ReadAsync<Page<RecommendationResponse>>();
        Assert.Equal(("Sam", "Trust me."), (Assert.Single(received.Items).RecommendedBy.Name, received.Items[0].Message));

        using var accepted = await rita.Client.PostAsync($"api/recommendations/{recommendation.Id}/accept", content: null);
        using var acceptedAgain = await rita.Client.PostAsync($"api/recommendations/{recommendation.Id}/accept", content: null);
        using var rejectedAfter = await rita.Client.PostAsync($"api/recommendations/{recommendation.Id}/reject", content: null);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acceptedAgain.StatusCode);
        Assert.Equal((await accepted.ReadAsync<RecommendationResponse>()).RespondedAt, (await acceptedAgain.ReadAsync<RecommendationResponse>()).RespondedAt);
        await rejectedAfter.ProblemAsync(409);
        var watchlist = await (await rita.Client.GetAsync("api/watchlist")).ReadAsync<Page<WatchlistEntryResponse>>();
        Assert.Equal((media.Id, WatchStatus.NotWatched), (Assert.Single(watchlist.Items).Media.Id, watchlist.Items[0].Status));
        var sent = await (await sam.Client.GetAsync("api/recommendations/sent?status=accepted")).ReadAsync<Page<RecommendationResponse>>();
        Assert.Equal(recommendation.Id, Assert.Single(sent.Items).Id);
    }

    [Fact]
    public async Task Recommending_answers_404_outside_the_family_400_to_oneself_and_409_for_a_second_pending_one()
    {
        using var sam = await host.SignUpAsync();
        using var rita = await host.SignUpAsync();
        using var stranger = await host.SignUpAsync();
        await host.FormFamilyAsync(sam, rita);
        var media = await host.TitleAsync();
        var first = await (await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id })).ReadAsync<RecommendationResponse>();

        using var toStranger = await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = stranger.Id });
        using var toNobody = await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = Cuid.NewId() });
        using var toSelf = await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = sam.Id });
        using var again = await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id });
        using var tooLong = await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id, message = new string('m', 501) });

        Assert.Equal((await toNobody.ProblemAsync(404)).GetProperty("detail").GetString(), (await toStranger.ProblemAsync(404)).GetProperty("detail").GetString());
        Assert.Equal(["must be someone other than yourself."], await toSelf.FieldErrorsAsync("recipientId"));
        Assert.Equal(first.Id, (await again.ProblemAsync(409)).GetProperty("existingRecommendationId").GetString());
        Assert.Equal(["must be at most 500 characters."], await tooLong.FieldErrorsAsync("message"));
    }

    [Fact]
    public async Task Only_the_recipient_answers_and_only_the_sender_withdraws_to_everyone_else_it_is_404()
    {
        using var sam = await host.SignUpAsync();
        using var rita = await host.SignUpAsync();
        using var relative = await host.SignUpAsync();
        using var stranger = await host.SignUpAsync();
        await host.FormFamilyAsync(sam, rita, relative);
        var media = await host.TitleAsync();
        var recommendation = await (await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id })).ReadAsync<RecommendationResponse>();

        foreach (var other in new[] { sam, relative, stranger })
        {
            await (await other.Client.PostAsync($"api/recommendations/{recommendation.Id}/accept", content: null)).ProblemAsync(404);
            await (await other.Client.PostAsync($"api/recommendations/{recommendation.Id}/reject", content: null)).ProblemAsync(404);
        }

        foreach (var other in new[] { rita, relative, stranger })
        {
            await (await other.Client.DeleteAsync($"api/recommendations/{recommendation.Id}")).ProblemAsync(404);
        }

        foreach (var other in new[] { relative, stranger })
        {
            Assert.Empty((await (await other.Client.GetAsync("api/recommendations/received")).ReadAsync<Page<RecommendationResponse>>()).Items);
            Assert.Empty((await (await other.Client.GetAsync("api/recommendations/sent")).ReadAsync<Page<RecommendationResponse>>()).Items);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await sam.Client.DeleteAsync($"api/recommendations/{recommendation.Id}")).StatusCode);
        Assert.Empty((await (await rita.Client.GetAsync("api/recommendations/received")).ReadAsync<Page<RecommendationResponse>>()).Items);
    }

    [Fact]
    public async Task An_answered_recommendation_can_no_longer_be_withdrawn()
    {
        using var sam = await host.SignUpAsync();
        using var rita = await host.SignUpAsync();
        await host.FormFamilyAsync(sam, rita);
        var media = await host.TitleAsync();
        var recommendation = await (await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id })).ReadAsync<RecommendationResponse>();
        await rita.Client.PostAsync($"api/recommendations/{recommendation.Id}/reject", content: null);

        await (await sam.Client.DeleteAsync($"api/recommendations/{recommendation.Id}")).ProblemAsync(409);
        await (await rita.Client.PostAsync($"api/recommendations/{recommendation.Id}/accept", content: null)).ProblemAsync(409);
    }

    [Fact]
    public async Task Deleting_an_account_removes_the_recommendations_it_sent_and_received()
    {
        using var sam = await host.SignUpAsync();
        using var rita = await host.SignUpAsync();
        using var leaving = await host.SignUpAsync();
        await host.FormFamilyAsync(sam, rita, leaving);
        var media = await host.TitleAsync();
        await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = leaving.Id });
        await leaving.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id });
        var kept = await (await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id })).ReadAsync<RecommendationResponse>();

        using var deleted = await leaving.Client.DeleteJsonAsync("api/me", new { password = leaving.Password });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal([kept.Id], (await (await sam.Client.GetAsync("api/recommendations/sent")).ReadAsync<Page<RecommendationResponse>>()).Items.Select(r => r.Id));
        Assert.Equal([kept.Id], (await (await rita.Client.GetAsync("api/recommendations/received")).ReadAsync<Page<RecommendationResponse>>()).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Lists_page_newest_first_over_http()
    {
        using var sam = await host.SignUpAsync();
        using var rita = await host.SignUpAsync();
        await host.FormFamilyAsync(sam, rita);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var media = await host.TitleAsync($"Show {i}");
            ids.Add((await (await sam.Client.PostJsonAsync("api/recommendations", new { mediaItemId = media.Id, recipientId = rita.Id })).ReadAsync<RecommendationResponse>()).Id);
        }

        var first = await (await rita.Client.GetAsync("api/recommendations/received?limit=2")).ReadAsync<Page<RecommendationResponse>>();
        var second = await (await rita.Client.GetAsync($"api/recommendations/received?limit=2&cursor={first.NextCursor}")).ReadAsync<Page<RecommendationResponse>>();
        using var badStatus = await rita.Client.GetAsync("api/recommendations/received?status=maybe");

        Assert.Equal([ids[2], ids[1], ids[0]], first.Items.Concat(second.Items).Select(r => r.Id));
        Assert.Null(second.NextCursor);
        Assert.Single(await badStatus.FieldErrorsAsync("status"));
    }

    [Theory]
    [InlineData("POST", "api/recommendations")]
    [InlineData("GET", "api/recommendations/received")]
    [InlineData("GET", "api/recommendations/sent")]
    [InlineData("POST", "api/recommendations/c00000000000000000000000a/accept")]
    [InlineData("POST", "api/recommendations/c00000000000000000000000a/reject")]
    [InlineData("DELETE", "api/recommendations/c00000000000000000000000a")]
    public async Task Every_recommendation_endpoint_needs_a_signed_in_user(string method, string path)
    {
        using var anonymous = host.CreateUserClient();

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ProblemAsync(401);
    }
}
