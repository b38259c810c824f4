using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;

namespace InFocus.Domain.Tests.Media;

public sealed class MediaSearchTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    private FakeTmdbServer Tmdb => fixture.Tmdb;

    [Fact]
    public async Task Search_maps_TMDB_results_leaves_people_out_and_links_titles_already_in_the_catalog()
    {
        var stored = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.ImportAsync(TmdbFixtures.FightClub, MediaType.Movie, CancellationToken.None));
        fixture.Statements.Reset();

        var result = await SearchAsync("Fight Club");

        var item = Assert.Single(result.Items);
        Assert.Equal(
            new MediaSearchItem(
                TmdbFixtures.FightClub,
                MediaType.Movie,
                "Fight Club",
                1999,
                item.Overview,
                "https://image.tmdb.org/t/p/w500/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg",
                stored.MediaItemId),
            item);
        Assert.StartsWith("A ticking-time-bomb insomniac", item.Overview, StringComparison.Ordinal);
        Assert.Equal((1, 1, 3), (result.Page, result.TotalPages, result.TotalResults));
        Assert.Equal(1, fixture.Statements.Count);
    }

    [Fact]
    public async Task Titles_not_in_the_catalog_have_no_catalog_id_and_missing_dates_and_posters_are_null()
    {
        var result = await SearchAsync("game of thrones");

        Assert.Equal(
            ["Game of Thrones", "Game of Thrones: The Last Watch", "Untitled Game of Thrones Film"],
            result.Items.Select(i => i.Title).Order(StringComparer.Ordinal));
        var untitled = Assert.Single(result.Items, i => i.TmdbId == 1380804);
        Assert.Equal((MediaType.Movie, null, null, null), (untitled.Type, untitled.Year, untitled.PosterUrl, untitled.MediaItemId));
        var show = Assert.Single(result.Items, i => i.Type == MediaType.Tv);
        Assert.Equal((TmdbFixtures.GameOfThrones, 2011), (show.TmdbId, show.Year));
    }

    [Fact]
    public async Task Catalog_ids_are_matched_on_TMDB_id_and_type_together()
    {
        var movieWithTheShowsId = new MediaItem { TmdbId = TmdbFixtures.BreakingBad, TmdbType = MediaType.Movie, Title = "Not Breaking Bad" };
        await fixture.DbAsync(db =>
        {
            db.MediaItems.Add(movieWithTheShowsId);
            return db.SaveChangesAsync();
        });

        var before = await SearchAsync("breaking bad");
        var show = await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.ImportAsync(TmdbFixtures.BreakingBad, MediaType.Tv, CancellationToken.None));
        var after = await SearchAsync("breaking bad");

        Assert.Null(Assert.Single(before.Items).MediaItemId);
        Assert.Equal(show.MediaItemId, Assert.Single(after.Items).MediaItemId);
        Assert.NotEqual(movieWithTheShowsId.Id, show.MediaItemId);
    }

    [Fact]
    public async Task Movie_and_tv_searches_return_only_their_kind()
    {
        var movies = await SearchAsync("game of thrones", "movie");
        var shows = await SearchAsync("game of thrones", "tv");

        Assert.All(movies.Items, i => Assert.Equal(MediaType.Movie, i.Type));
        Assert.Equal(2, movies.Items.Count);
        Assert.Equal(TmdbFixtures.GameOfThrones, Assert.Single(shows.Items).TmdbId);
    }

    [Fact]
    public async Task The_page_is_passed_to_TMDB()
    {
        Tmdb.ClearRequests();

        var result = await SearchAsync("fight club", page: "2");

        Assert.Equal("2", Assert.Single(Tmdb.Requests).Query("page"));
        Assert.Equal(2, result.Page);
        Assert.Empty(result.Items);
    }

    [Fact]
    public async Task A_search_without_hits_does_not_query_the_database()
    {
        fixture.Statements.Reset();

        var result = await SearchAsync("no such title anywhere");

        Assert.Empty(result.Items);
        Assert.Equal(0, fixture.Statements.Count);
    }

    [Theory]
    [InlineData(null, null, null, "query", "is required.")]
    [InlineData("   ", null, null, "query", "is required.")]
    [InlineData("x", "person", null, "type", "must be one of: all, movie, tv.")]
    [InlineData("x", null, "0", "page", "must be an integer between 1 and 500.")]
    [InlineData("x", null, "501", "page", "must be an integer between 1 and 500.")]
    [InlineData("x", null, "two", "page", "must be an integer between 1 and 500.")]
    [InlineData("x", null, "+1", "page", "must be an integer between 1 and 500.")]
    public async Task Invalid_searches_name_the_field_and_do_not_reach_TMDB(string? query, string? type, string? page, string field, string message)
    {
        Tmdb.ClearRequests();

        var error = await Assert.ThrowsAsync<ValidationException>(() => SearchAsync(query, type, page));

        Assert.Equal([message], error.Errors[field]);
        Assert.Empty(Tmdb.Requests);
    }

    [Fact]
    public async Task A_query_longer_than_the_limit_is_refused()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => SearchAsync(new string('a', FieldLimits.SearchQuery + 1)));

        Assert.Contains("query", error.Errors.Keys);
    }

    [Fact]
    public async Task When_TMDB_is_down_search_is_unavailable()
    {
        Tmdb.StartOutage(FakeTmdbReply.Dropped());
        try
        {
            await Assert.ThrowsAsync<DependencyUnavailableException>(() => SearchAsync("fight club"));
        }
        finally
        {
            Tmdb.EndOutage();
        }
    }

    private Task<MediaSearchResponse> SearchAsync(string? query, string? type = null, string? page = null) =>
        fixture.WithAsync<MediaSearch, MediaSearchResponse>(s => s.SearchAsync(new MediaSearchRequest(query, type, page), CancellationToken.None));
}
