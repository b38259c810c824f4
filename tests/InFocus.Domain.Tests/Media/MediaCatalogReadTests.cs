using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;

namespace InFocus.Domain.Tests.Media;

public sealed class MediaCatalogReadTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>, IAsyncLifetime
{
    private string _fightClub = "";

    public async Task InitializeAsync() =>
        _fightClub = (await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.EnsureAsync(TmdbFixtures.FightClub, MediaType.Movie, CancellationToken.None))).MediaItemId;

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_title_is_read_with_all_its_providers_in_one_query()
    {
        fixture.Statements.Reset();

        var item = await GetAsync(_fightClub, null);

        Assert.Equal(1, fixture.Statements.Count);
        Assert.Equal(("Fight Club", 32), (item.Title, item.Providers.Count));
        Assert.Equal(
            item.Providers.Select(p => p.OfferType).Order(),
            item.Providers.Select(p => p.OfferType));
        Assert.All(item.Providers, p => Assert.Equal("https://www.themoviedb.org/movie/550-fight-club/watch", p.Url));
    }

    [Theory]
    [InlineData("US")]
    [InlineData("us")]
    public async Task A_region_keeps_only_its_providers_and_opens_the_watch_page_on_it(string region)
    {
        var item = await GetAsync(_fightClub, region);

        Assert.Equal(16, item.Providers.Count);
        Assert.All(item.Providers, p => Assert.Contains("US", p.Regions));
        Assert.All(item.Providers, p => Assert.Equal("https://www.themoviedb.org/movie/550-fight-club/watch?locale=US", p.Url));
        Assert.Equal(
            ["Peacock Premium"],
            item.Providers.Where(p => p.OfferType == StreamingOfferType.Subscription).Select(p => p.Name));
    }

    [Fact]
    public async Task A_region_without_offers_leaves_the_title_with_none()
    {
        var item = await GetAsync(_fightClub, "JP");

        Assert.Equal("Fight Club", item.Title);
        Assert.Empty(item.Providers);
    }

    [Theory]
    [InlineData("USA")]
    [InlineData("U")]
    [InlineData("1A")]
    [InlineData("U$")]
    public async Task A_region_that_is_not_a_two_letter_code_is_refused(string region)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => GetAsync(_fightClub, region));

        Assert.Contains("region", error.Errors.Keys);
    }

    [Theory]
    [InlineData("cunknownunknownunknown000")]
    [InlineData("not-an-id")]
    [InlineData("")]
    public async Task Unknown_or_malformed_ids_are_not_found(string id)
    {
        await Assert.ThrowsAsync<NotFoundException>(() => GetAsync(id, null));
        await Assert.ThrowsAsync<NotFoundException>(() => ProvidersAsync(id, null, PageRequest.First));
    }

    [Fact]
    public async Task Providers_are_listed_by_name_in_pages_that_together_hold_every_provider()
    {
        var seen = new List<StreamingProviderResponse>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ProvidersAsync(_fightClub, null, new PageRequest(10, cursor));
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(4, pages);
        Assert.Equal(32, seen.Count);
        Assert.Equal(seen.Select(p => p.Name).Order(StringComparer.Ordinal), seen.Select(p => p.Name));
        Assert.Equal(32, seen.Select(p => (p.TmdbProviderId, p.OfferType)).Distinct().Count());
    }

    [Fact]
    public async Task Provider_pages_filter_by_region()
    {
        var page = await ProvidersAsync(_fightClub, "gb", PageRequest.First);

        Assert.Null(page.NextCursor);
        Assert.Equal(18, page.Items.Count);
        Assert.All(page.Items, p => Assert.Contains("GB", p.Regions));
        Assert.All(page.Items, p => Assert.EndsWith("?locale=GB", p.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cursor_only_continues_the_list_it_came_from()
    {
        var page = await ProvidersAsync(_fightClub, null, new PageRequest(5, null));

        await Assert.ThrowsAsync<ValidationException>(() => ProvidersAsync(_fightClub, "US", new PageRequest(5, page.NextCursor)));
    }

    [Fact]
    public async Task A_title_without_providers_has_an_empty_list()
    {
        Tmdb.SetWatchProviders(MediaType.Movie, TmdbFixtures.Rrrrrrr, TmdbFixtures.WatchProviders());
        var id = (await fixture.WithAsync<MediaCatalog, MediaImportResult>(
            c => c.ImportAsync(TmdbFixtures.Rrrrrrr, MediaType.Movie, CancellationToken.None))).MediaItemId;

        var page = await ProvidersAsync(id, null, PageRequest.First);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
    }

    private FakeTmdbServer Tmdb => fixture.Tmdb;

    private Task<MediaItemResponse> GetAsync(string id, string? region) =>
        fixture.WithAsync<MediaCatalog, MediaItemResponse>(c => c.GetAsync(id, region, CancellationToken.None));

    private Task<Page<StreamingProviderResponse>> ProvidersAsync(string id, string? region, PageRequest page) =>
        fixture.WithAsync<MediaCatalog, Page<StreamingProviderResponse>>(c => c.GetProvidersAsync(id, region, page, CancellationToken.None));
}
