using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;

namespace InFocus.Domain.Tests.Media;

/// <summary>The real TMDB client against the fake TMDB server: requests, authentication and response mapping.</summary>
public sealed class TmdbClientTests
{
    [Fact]
    public async Task Search_sends_the_query_with_the_read_access_token_and_reads_movies_shows_and_people()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);

        var page = await harness.Client.SearchAsync(MediaSearchType.All, "fight club", 1, CancellationToken.None);

        var request = Assert.Single(tmdb.Requests);
        Assert.Equal("search/multi", request.Path);
        Assert.Equal("fight club", request.Query("query"));
        Assert.Equal("1", request.Query("page"));
        Assert.Equal("false", request.Query("include_adult"));
        Assert.Equal($"Bearer {FakeTmdbServer.ReadAccessToken}", request.Authorization);
        Assert.Null(request.Query("api_key"));
        Assert.Equal(1, page.Page);
        Assert.Equal(3, page.TotalResults);
        var movie = Assert.Single(page.Results!, r => r.MediaType == "movie");
        Assert.Equal((TmdbFixtures.FightClub, "Fight Club", "1999-10-15"), (movie.Id, movie.Title, movie.ReleaseDate));
        Assert.Equal(2, page.Results!.Count(r => r.MediaType == "person"));
    }

    [Fact]
    public async Task Movie_and_tv_searches_use_their_own_endpoints()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);

        var movies = await harness.Client.SearchAsync(MediaSearchType.Movie, "game of thrones", 1, CancellationToken.None);
        var shows = await harness.Client.SearchAsync(MediaSearchType.Tv, "game of thrones", 1, CancellationToken.None);

        Assert.Equal(["search/movie", "search/tv"], tmdb.Requests.Select(r => r.Path));
        Assert.All(movies.Results!, r => Assert.NotNull(r.Title));
        Assert.Equal("Game of Thrones", Assert.Single(shows.Results!).Name);
    }

    [Fact]
    public async Task An_api_key_is_sent_as_a_query_parameter_when_there_is_no_read_access_token()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?>
        {
            ["Tmdb__ReadAccessToken"] = "",
            ["Tmdb__ApiKey"] = FakeTmdbServer.ApiKey,
        });

        var providers = await harness.Client.GetWatchProvidersAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None);

        var request = Assert.Single(tmdb.Requests);
        Assert.Equal(FakeTmdbServer.ApiKey, request.Query("api_key"));
        Assert.Null(request.Authorization);
        Assert.Contains("US", providers.Results!.Keys);
    }

    [Theory]
    [InlineData(FakeTmdbServer.ReadAccessToken, "")]
    [InlineData("", FakeTmdbServer.ApiKey)]
    public async Task Credentials_never_appear_in_logs_even_at_trace_level(string token, string apiKey)
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?>
        {
            ["Tmdb__ReadAccessToken"] = token,
            ["Tmdb__ApiKey"] = apiKey,
        });
        tmdb.StartOutage(FakeTmdbReply.Status(500));

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None));

        var logs = harness.Logs.GetSnapshot();
        Assert.Contains(logs, r => r.Message.Contains("movie/550", StringComparison.Ordinal));
        var everything = string.Join('\n', logs.SelectMany(r =>
            new[] { r.Message, r.Exception?.ToString() }
                .Concat(r.StructuredState?.Select(p => p.Value) ?? [])
                .Concat(r.Scopes.Select(s => s is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => p.Value)) : s?.ToString()))));
        Assert.DoesNotContain(token.Length > 0 ? token : apiKey, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Movie_details_come_with_credits_and_watch_providers_in_one_request()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);

        var details = await harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None);

        var request = Assert.Single(tmdb.Requests);
        Assert.Equal("movie/550", request.Path);
        Assert.Equal("credits,watch/providers", request.Query("append_to_response"));
        Assert.Equal("Fight Club", details.Title);
        Assert.Contains(details.Credits!.Crew!, c => c is { Name: "David Fincher", Job: "Director" });
        Assert.Equal(["CA", "DE", "GB", "US"], details.WatchProviders!.Results!.Keys.Order());
    }

    [Fact]
    public async Task Show_details_come_with_their_creators_and_watch_providers_in_one_request()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);

        var details = await harness.Client.GetDetailsAsync(MediaType.Tv, TmdbFixtures.BreakingBad, CancellationToken.None);

        var request = Assert.Single(tmdb.Requests);
        Assert.Equal("tv/1396", request.Path);
        Assert.Equal("watch/providers", request.Query("append_to_response"));
        Assert.Equal(("Breaking Bad", "2008-01-20"), (details.Name, details.FirstAirDate));
        Assert.Equal("Vince Gilligan", Assert.Single(details.CreatedBy!).Name);
        Assert.Equal("Netflix", Assert.Single(details.WatchProviders!.Results!["US"].Flatrate!).ProviderName);
    }

    [Fact]
    public async Task An_unknown_title_is_not_found()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);

        var error = await Assert.ThrowsAsync<NotFoundException>(
            () => harness.Client.GetDetailsAsync(MediaType.Movie, 999_999_999, CancellationToken.None));

        Assert.Equal("TMDB movie 999999999 was not found.", error.Message);
        Assert.Single(tmdb.Requests);
    }

    [Fact]
    public async Task Without_credentials_nothing_is_sent_and_TMDB_is_unavailable()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?>
        {
            ["Tmdb__ReadAccessToken"] = "",
            ["Tmdb__ApiKey"] = " ",
        });

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.SearchAsync(MediaSearchType.All, "fight club", 1, CancellationToken.None));

        Assert.Contains("not configured", error.Message, StringComparison.Ordinal);
        Assert.Null(error.RetryAfter);
        Assert.Empty(tmdb.Requests);
    }

    [Fact]
    public async Task Rejected_credentials_make_TMDB_unavailable_are_not_retried_and_are_logged_as_an_error()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb, new Dictionary<string, string?>
        {
            ["Tmdb__ReadAccessToken"] = "revoked-token",
        });

        var unavailable = await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None));

        Assert.Null(unavailable.RetryAfter);
        Assert.Single(tmdb.Requests);
        var error = Assert.Single(harness.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_JSON_makes_TMDB_unavailable_without_retrying()
    {
        await using var tmdb = await FakeTmdbServer.StartAsync();
        await using var harness = await TmdbClientHarness.CreateAsync(tmdb);
        tmdb.Script("movie/550", FakeTmdbReply.Malformed());

        await Assert.ThrowsAsync<DependencyUnavailableException>(
            () => harness.Client.GetDetailsAsync(MediaType.Movie, TmdbFixtures.FightClub, CancellationToken.None));

        Assert.Single(tmdb.Requests);
    }
}
