using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.TestKit.Tmdb;

namespace InFocus.EndToEnd.Tests.Watchlist;

[Collection(WatchlistCollection.Name)]
public sealed class WatchlistHttpTests(MediaHostFixture host)
{
    [Fact]
    public async Task A_user_keeps_a_full_watchlist_add_read_change_list_count_and_remove()
    {
        using var user = await host.SignUpAsync();
        var (heat, up) = (await host.TitleAsync("Heat", "Crime"), await host.TitleAsync("Up", "Animation"));

        using var added = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = heat.Id, status = "watching" });
        var entry = await added.ReadAsync<WatchlistEntryResponse>();
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal($"/api/watchlist/{entry.Id}", added.Headers.Location?.OriginalString);
        Assert.Equal(entry.ETag, added.Headers.ETag?.ToString());
        Assert.Equal(("Heat", WatchStatus.Watching), (entry.Media.Title, entry.Status));
        await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = up.Id });

        using var read = await user.Client.GetAsync($"api/watchlist/{entry.Id}");
        Assert.Equal((HttpStatusCode.OK, entry.ETag), (read.StatusCode, read.Headers.ETag?.ToString()));

        using var changed = await PatchAsync(user.Client, entry.Id, """{ "status": "completed", "rating": 9, "notes": "Diner scene!" }""", entry.ETag);
        var completed = await changed.ReadAsync<WatchlistEntryResponse>();
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal((WatchStatus.Completed, (int?)9, "Diner scene!"), (completed.Status, completed.Rating, completed.Notes));
        Assert.Equal(completed.ETag, changed.Headers.ETag?.ToString());

        var list = await (await user.Client.GetAsync("api/watchlist?sort=title")).ReadAsync<Page<WatchlistEntryResponse>>();
        Assert.Equal(["Heat", "Up"], list.Items.Select(e => e.Media.Title));
        var stats = await (await user.Client.GetAsync("api/watchlist/stats")).ReadAsync<JsonElement>();
        Assert.Equal((2, 9m), (stats.GetProperty("total").GetInt32(), stats.GetProperty("averageRating").GetDecimal()));

        using var removed = await user.Client.DeleteAsync($"api/watchlist/{entry.Id}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"api/watchlist/{entry.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_title_named_by_tmdb_id_is_imported_from_tmdb_and_added()
    {
        using var user = await host.SignUpAsync();

        using var added = await user.Client.PostJsonAsync("api/watchlist", new { tmdbId = TmdbFixtures.GameOfThrones, type = "tv" });

        var entry = await added.ReadAsync<WatchlistEntryResponse>();
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(("Game of Thrones", MediaType.Tv), (entry.Media.Title, entry.Media.Type));
        Assert.StartsWith("https://image.tmdb.org/t/p/w500/", entry.Media.PosterUrl, StringComparison.Ordinal);
        await (await user.Client.PostJsonAsync("api/watchlist", new { tmdbId = 987_654_321, type = "movie" })).ProblemAsync(404);
    }

    [Fact]
    public async Task Adding_a_title_twice_answers_409_with_the_existing_entry_id()
    {
        using var user = await host.SignUpAsync();
        var media = await host.TitleAsync();
        var first = await (await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = media.Id })).ReadAsync<WatchlistEntryResponse>();

        using var again = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = media.Id, status = "completed" });

        Assert.Equal(first.Id, (await again.ProblemAsync(409)).GetProperty("existingEntryId").GetString());
    }

    [Fact]
    public async Task Invalid_bodies_and_queries_answer_400_naming_the_fields()
    {
        using var user = await host.SignUpAsync();
        var media = await host.TitleAsync();

        using var neither = await user.Client.PostJsonAsync("api/watchlist", new { status = "watching" });
        using var both = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = media.Id, tmdbId = 550, type = "movie" });
        using var badValues = await user.Client.PostJsonAsync("api/watchlist", new { tmdbId = 550, type = "podcast", rating = 11 });
        using var badType = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = media.Id, rating = "ten" });
        using var badQuery = await user.Client.GetAsync("api/watchlist?sort=popularity&order=up&status=seen");
        using var badLimit = await user.Client.GetAsync("api/watchlist?limit=500");

        var neitherErrors = (await neither.ProblemAsync(400)).GetProperty("errors");
        Assert.True(neitherErrors.TryGetProperty("mediaItemId", out _) && neitherErrors.TryGetProperty("tmdbId", out _));
        Assert.Equal(["give either mediaItemId, or tmdbId and type."], await both.FieldErrorsAsync("mediaItemId"));
        Assert.Equal(["rating", "type"], await badValues.InvalidFieldsAsync());
        Assert.Equal(["rating"], await badType.InvalidFieldsAsync());
        Assert.Equal(["order", "sort", "status"], await badQuery.InvalidFieldsAsync());
        Assert.Equal(["limit"], await badLimit.InvalidFieldsAsync());
    }

    [Fact]
    public async Task An_unknown_title_answers_404()
    {
        using var user = await host.SignUpAsync();

        using var response = await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = Cuid.NewId() });

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task Two_devices_cannot_silently_overwrite_each_other()
    {
        using var user = await host.SignUpAsync();
        using var laptop = host.CreateUserClient(user.Tokens.AccessToken);
        var media = await host.TitleAsync();
        var entry = await (await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = media.Id })).ReadAsync<WatchlistEntryResponse>();

        using var fromPhone = await PatchAsync(user.Client, entry.Id, """{ "rating": 8 }""", entry.ETag);
        using var fromLaptop = await PatchAsync(laptop, entry.Id, """{ "rating": 3 }""", entry.ETag);
        using var weak = await PatchAsync(laptop, entry.Id, """{ "rating": 3 }""", $"W/{fromPhone.Headers.ETag}");
        using var any = await PatchAsync(laptop, entry.Id, """{ "notes": "seen it" }""", "*");
        using var malformed = await PatchAsync(laptop, entry.Id, """{ "rating": 3 }""", "not-an-etag");

        Assert.Equal(HttpStatusCode.OK, fromPhone.StatusCode);
        await fromLaptop.ProblemAsync(412);
        await weak.ProblemAsync(412);
        var afterAny = await any.ReadAsync<WatchlistEntryResponse>();
        Assert.Equal((8, "seen it"), (afterAny.Rating!.Value, afterAny.Notes!));
        Assert.Equal(["if-match"], await malformed.InvalidFieldsAsync());
    }

    [Fact]
    public async Task A_null_rating_clears_it_and_members_left_out_stay()
    {
        using var user = await host.SignUpAsync();
        var media = await host.TitleAsync();
        var entry = await (await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = media.Id, rating = 7, notes = "keep" })).ReadAsync<WatchlistEntryResponse>();

        using var cleared = await PatchAsync(user.Client, entry.Id, """{ "rating": null }""", ifMatch: null, "application/merge-patch+json");

        var body = await cleared.ReadAsync<WatchlistEntryResponse>();
        Assert.Equal(((int?)null, "keep", WatchStatus.NotWatched), (body.Rating, body.Notes, body.Status));
    }

    [Fact]
    public async Task Pages_over_http_neither_repeat_nor_skip_entries_when_titles_are_added_between_them()
    {
        using var user = await host.SignUpAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var media = await host.TitleAsync($"Title {i}");
            ids.Add((await (await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = media.Id })).ReadAsync<WatchlistEntryResponse>()).Id);
        }

        var first = await (await user.Client.GetAsync("api/watchlist?limit=2")).ReadAsync<Page<WatchlistEntryResponse>>();
        await user.Client.PostJsonAsync("api/watchlist", new { mediaItemId = (await host.TitleAsync("Latest")).Id });
        var second = await (await user.Client.GetAsync($"api/watchlist?limit=2&cursor={first.NextCursor}")).ReadAsync<Page<WatchlistEntryResponse>>();
        var third = await (await user.Client.GetAsync($"api/watchlist?limit=2&cursor={second.NextCursor}")).ReadAsync<Page<WatchlistEntryResponse>>();

        Assert.Equal(ids.AsEnumerable().Reverse(), new[] { first, second, third }.SelectMany(p => p.Items).Select(e => e.Id));
        Assert.Null(third.NextCursor);
    }

    [Fact]
    public async Task Another_users_entry_is_404_for_every_verb_family_member_or_not_and_stays_as_it_was()
    {
        using var owner = await host.SignUpAsync();
        using var relative = await host.SignUpAsync();
        using var stranger = await host.SignUpAsync();
        await host.FormFamilyAsync(owner, relative);
        var media = await host.TitleAsync();
        var entry = await (await owner.Client.PostJsonAsync("api/watchlist", new { mediaItemId = media.Id, rating = 5 })).ReadAsync<WatchlistEntryResponse>();

        foreach (var other in new[] { relative, stranger })
        {
            await (await other.Client.GetAsync($"api/watchlist/{entry.Id}")).ProblemAsync(404);
            await (await PatchAsync(other.Client, entry.Id, """{ "rating": 1 }""", ifMatch: null)).ProblemAsync(404);
            await (await PatchAsync(other.Client, entry.Id, """{ "rating": 1 }""", entry.ETag)).ProblemAsync(404);
            await (await other.Client.DeleteAsync($"api/watchlist/{entry.Id}")).ProblemAsync(404);
            Assert.Empty((await (await other.Client.GetAsync("api/watchlist")).ReadAsync<Page<WatchlistEntryResponse>>()).Items);
            Assert.Equal(0, (await (await other.Client.GetAsync("api/watchlist/stats")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32());
        }

        using var unchanged = await owner.Client.GetAsync($"api/watchlist/{entry.Id}");
        Assert.Equal(entry.ETag, unchanged.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("POST", "api/watchlist")]
    [InlineData("GET", "api/watchlist")]
    [InlineData("GET", "api/watchlist/stats")]
    [InlineData("GET", "api/watchlist/c00000000000000000000000a")]
    [InlineData("PATCH", "api/watchlist/c00000000000000000000000a")]
    [InlineData("DELETE", "api/watchlist/c00000000000000000000000a")]
    public async Task Every_watchlist_endpoint_needs_a_signed_in_user(string method, string path)
    {
        using var anonymous = host.CreateUserClient();

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await response.ProblemAsync(401);
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string id, string json, string? ifMatch, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"api/watchlist/{id}") { Content = new StringContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
