using System.Net;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Media;

[Collection(MediaCollection.Name)]
public sealed class MediaEndpointsTests(MediaHostFixture host)
{
    [Fact]
    public async Task A_signed_in_user_searches_imports_and_views_a_title_with_its_providers()
    {
        using var user = await host.SignUpAsync();

        var before = await GetAsync<MediaSearchResponse>(user, "api/media/search?query=breaking%20bad");
        using var created = await user.Client.PostJsonAsync("api/media", new { tmdbId = TmdbFixtures.BreakingBad, type = "tv" });
        using var again = await user.Client.PostJsonAsync("api/media", new { tmdbId = TmdbFixtures.BreakingBad, type = "tv" });
        var after = await GetAsync<MediaSearchResponse>(user, "api/media/search?query=breaking%20bad&type=tv");

        Assert.Equal((TmdbFixtures.BreakingBad, MediaType.Tv, null), (before.Items.Single().TmdbId, before.Items.Single().Type, before.Items.Single().MediaItemId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.ReadAsync<MediaItemResponse>();
        Assert.Equal($"/api/media/{item.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("Breaking Bad", "Vince Gilligan"), (item.Title, item.Creators.Single()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(item.Id, (await again.ReadAsync<MediaItemResponse>()).Id);
        Assert.Equal(item.Id, after.Items.Single().MediaItemId);

        var inUs = await GetAsync<MediaItemResponse>(user, $"api/media/{item.Id}?region=us");
        Assert.Equal(["Amazon Video", "Apple TV", "Google Play Movies", "Netflix", "Vudu"], inUs.Providers.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(inUs.Providers, p => Assert.Equal("https://www.themoviedb.org/tv/1396-breaking-bad/watch?locale=US", p.Url));
        Assert.Equal("https://image.tmdb.org/t/p/w500/ztkUQFLlC19CCMYHW9o1zWhJRNq.jpg", inUs.PosterUrl);

        var first = await GetAsync<Page<StreamingProviderResponse>>(user, $"api/media/{item.Id}/providers?region=GB&limit=2");
        var rest = await GetAsync<Page<StreamingProviderResponse>>(user, $"api/media/{item.Id}/providers?region=GB&limit=2&cursor={first.NextCursor}");
        Assert.Equal(["Amazon Video", "Apple TV", "Google Play Movies", "Netflix"], first.Items.Concat(rest.Items).Select(p => p.Name));
        Assert.Null(rest.NextCursor);
    }

    [Fact]
    public async Task The_catalog_is_shared_so_another_user_reads_the_same_title()
    {
        using var importer = await host.SignUpAsync();
        using var other = await host.SignUpAsync();
        using var imported = await importer.Client.PostJsonAsync("api/media", new { tmdbId = TmdbFixtures.ShawshankRedemption, type = "movie" });
        var id = (await imported.ReadAsync<MediaItemResponse>()).Id;

        var seen = await GetAsync<MediaItemResponse>(other, $"api/media/{id}");

        Assert.Equal(("The Shawshank Redemption", "Frank Darabont"), (seen.Title, seen.Creators.Single()));
    }

    [Fact]
    public async Task Importing_a_title_TMDB_does_not_know_is_not_found()
    {
        using var user = await host.SignUpAsync();

        using var response = await user.Client.PostJsonAsync("api/media", new { tmdbId = 999_999_999, type = "movie" });

        var problem = await response.ProblemAsync(404);
        Assert.Equal("TMDB movie 999999999 was not found.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task When_TMDB_is_down_search_and_import_answer_503_and_stored_titles_still_work()
    {
        using var user = await host.SignUpAsync();
        using var imported = await user.Client.PostJsonAsync("api/media", new { tmdbId = TmdbFixtures.FightClub, type = "movie" });
        var id = (await imported.ReadAsync<MediaItemResponse>()).Id;
        host.Tmdb.StartOutage(FakeTmdbReply.Dropped());
        try
        {
            using var search = await user.Client.GetAsync("api/media/search?query=fight%20club");
            using var import = await user.Client.PostJsonAsync("api/media", new { tmdbId = TmdbFixtures.GameOfThrones, type = "tv" });
            using var stored = await user.Client.GetAsync($"api/media/{id}?region=GB");

            var problem = await search.ProblemAsync(503);
            Assert.Contains("TMDB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.NotNull(search.Headers.RetryAfter);
            await import.ProblemAsync(503);
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            Assert.Equal(18, (await stored.ReadAsync<MediaItemResponse>()).Providers.Count);
        }
        finally
        {
            host.Tmdb.EndOutage();
        }
    }

    [Fact]
    public async Task The_refresh_timer_brings_stale_providers_up_to_date()
    {
        using var user = await host.SignUpAsync();
        host.Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders(("FR", "rent", 2, "Apple TV")));
        using var imported = await user.Client.PostJsonAsync("api/media", new { tmdbId = TmdbFixtures.Rrrrrrr, type = "movie" });
        var id = (await imported.ReadAsync<MediaItemResponse>()).Id;
        host.Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders(("FR", "flatrate", 8, "Netflix")));
        await host.DbAsync(db => db.MediaItems.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProvidersRefreshedAt, DateTimeOffset.UtcNow.AddDays(-2))));

        var outcome = await host.RunFunctionAsync("RefreshStreamingProviders");

        Assert.True(outcome.IsSuccess, outcome.Error);
        var item = await GetAsync<MediaItemResponse>(user, $"api/media/{id}");
        var provider = Assert.Single(item.Providers);
        Assert.Equal(("Netflix", StreamingOfferType.Subscription), (provider.Name, provider.OfferType));
        Assert.True(item.ProvidersRefreshedAt > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    private static async Task<T> GetAsync<T>(SignedInUser user, string path)
    {
        using var response = await user.Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }
}
