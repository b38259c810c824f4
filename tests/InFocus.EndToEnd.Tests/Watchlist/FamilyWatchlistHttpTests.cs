using System.Net;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;

namespace InFocus.EndToEnd.Tests.Watchlist;

/// <summary><c>GET /api/families/{id}/watchlist</c>: the members' watchlists side by side, for members only.</summary>
[Collection(WatchlistCollection.Name)]
public sealed class FamilyWatchlistHttpTests(MediaHostFixture host)
{
    [Fact]
    public async Task Members_see_every_members_titles_most_wanted_first_with_status_and_rating_but_not_notes()
    {
        using var ada = await host.SignUpAsync(name: "Ada");
        using var bob = await host.SignUpAsync(name: "Bob");
        using var outsider = await host.SignUpAsync(name: "Outsider");
        var familyId = await host.FormFamilyAsync(ada, bob);
        var (heat, up, outsiders) = (await host.TitleAsync("Heat", "Crime"), await host.TitleAsync("Up"), await host.TitleAsync("Outsider's pick"));
        await AddAsync(ada, heat.Id, "completed", rating: 9, notes: "private thoughts");
        await AddAsync(bob, heat.Id, "not_watched");
        await AddAsync(bob, up.Id, "watching");
        await AddAsync(outsider, outsiders.Id, "not_watched");
        await AddAsync(outsider, heat.Id, "completed", rating: 1);

        using var response = await bob.Client.GetAsync($"api/families/{familyId}/watchlist");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("private thoughts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await response.ReadAsync<Page<FamilyWatchlistItem>>();
        Assert.Equal([("Heat", 2), ("Up", 1)], page.Items.Select(i => (i.Media.Title, i.MemberCount)));
        Assert.Equal(["Crime"], page.Items[0].Media.Genres);
        Assert.Equal(
            [("Ada", WatchStatus.Completed, (int?)9), ("Bob", WatchStatus.NotWatched, null)],
            page.Items[0].Members.Select(m => (m.Name, m.Status, m.Rating)));
        Assert.Equal([ada.Id, bob.Id], page.Items[0].Members.Select(m => m.UserId));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task A_status_filter_counts_only_entries_in_that_status_and_pages_follow_the_cursor()
    {
        using var ada = await host.SignUpAsync(name: "Ada");
        using var bob = await host.SignUpAsync(name: "Bob");
        var familyId = await host.FormFamilyAsync(ada, bob);
        foreach (var title in new[] { "C", "A", "B" })
        {
            var media = await host.TitleAsync(title);
            await AddAsync(ada, media.Id, "not_watched");
            await AddAsync(bob, media.Id, title == "B" ? "completed" : "not_watched");
        }

        var first = await ListAsync(ada, familyId, "?status=not_watched&limit=2");
        var second = await ListAsync(ada, familyId, $"?status=not_watched&limit=2&cursor={first.NextCursor}");

        Assert.Equal([("A", 2), ("C", 2), ("B", 1)], first.Items.Concat(second.Items).Select(i => (i.Media.Title, i.MemberCount)));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task Someone_outside_the_family_gets_the_same_404_as_for_a_family_that_does_not_exist()
    {
        using var ada = await host.SignUpAsync();
        using var stranger = await host.SignUpAsync();
        var familyId = await host.FormFamilyAsync(ada);
        await AddAsync(ada, (await host.TitleAsync()).Id, "watching");

        var notMember = await (await stranger.Client.GetAsync($"api/families/{familyId}/watchlist")).ProblemAsync(404);
        var unknown = await (await stranger.Client.GetAsync($"api/families/{Cuid.NewId()}/watchlist")).ProblemAsync(404);
        var malformed = await (await stranger.Client.GetAsync("api/families/not-an-id/watchlist")).ProblemAsync(404);

        Assert.Equal(notMember.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(notMember.GetProperty("detail").GetString(), malformed.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("?status=seen", "status")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?cursor=garbage", "cursor")]
    [InlineData("?cursor=FORGED", "cursor")]
    public async Task Bad_query_values_answer_400_naming_the_parameter(string query, string field)
    {
        using var ada = await host.SignUpAsync();
        var familyId = await host.FormFamilyAsync(ada);
        var forged = PageCursor.Encode("family-watchlist", new { MemberCount = 1, Title = "nul\0title", Id = Cuid.NewId() });

        using var response = await ada.Client.GetAsync($"api/families/{familyId}/watchlist{query.Replace("FORGED", forged, StringComparison.Ordinal)}");

        Assert.Equal([field], await response.InvalidFieldsAsync());
    }

    private static async Task AddAsync(SignedInUser user, string mediaItemId, string status, int? rating = null, string? notes = null)
    {
        using var response = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId, status, rating, notes });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<Page<FamilyWatchlistItem>> ListAsync(SignedInUser user, string familyId, string query)
    {
        using var response = await user.Client.GetAsync($"api/families/{familyId}/watchlist{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<Page<FamilyWatchlistItem>>();
    }
}
