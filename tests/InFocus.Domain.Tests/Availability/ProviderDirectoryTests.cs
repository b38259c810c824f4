using InFocus.Domain.Accounts;
using InFocus.Domain.Availability;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;

namespace InFocus.Domain.Tests.Availability;

/// <summary>
/// <c>GET /api/providers</c>: TMDB's provider lists, read once into a cache and read again when a day old. The tests of
/// this class share one cache and clock, so each one that needs a refresh moves the clock past the maximum age first.
/// </summary>
public sealed class ProviderDirectoryTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    private static readonly TimeSpan PastMaxAge = TimeSpan.FromHours(25);

    [Fact]
    public async Task A_region_lists_the_providers_TMDB_names_there_and_a_second_read_does_not_ask_TMDB_again()
    {
        var user = await UserAsync();
        fixture.Clock.Advance(PastMaxAge);
        fixture.Tmdb.ClearRequests();

        var us = await ListAsync(user, "us", null);
        var again = await ListAsync(user, "US", null);

        Assert.Contains(us.Items, p => p is { Id: 8, Name: "Netflix", Types: [MediaType.Tv] } && p.LogoUrl!.StartsWith("https://image.tmdb.org/t/p/w92/", StringComparison.Ordinal));
        Assert.Contains(us.Items, p => p is { Id: 387, Name: "Peacock Premium", Types: [MediaType.Movie] });
        Assert.Contains(us.Items, p => p is { Id: 2, Types: [MediaType.Movie, MediaType.Tv] });
        Assert.Equal(us.Items.Select(p => p.Name).Order(StringComparer.Ordinal), us.Items.Select(p => p.Name));
        Assert.Equal(Flat(us), Flat(again));
        Assert.Single(fixture.Tmdb.RequestsTo("watch/providers/movie"));
        Assert.Single(fixture.Tmdb.RequestsTo("watch/providers/tv"));
    }

    [Fact]
    public async Task The_type_filter_keeps_the_providers_TMDB_lists_for_that_type_in_the_region()
    {
        var user = await UserAsync();

        var movies = await ListAsync(user, "US", "movie");
        var shows = await ListAsync(user, "US", "tv");

        Assert.DoesNotContain(movies.Items, p => p.Id == 8);
        Assert.Contains(shows.Items, p => p.Id == 8);
        Assert.All(movies.Items, p => Assert.Contains(MediaType.Movie, p.Types));
    }

    [Fact]
    public async Task A_day_old_list_is_read_again_and_providers_TMDB_no_longer_lists_are_gone()
    {
        var user = await UserAsync();
        await ListAsync(user, "US", null);
        fixture.Tmdb.SetProviderCatalog(MediaType.Movie, TmdbFixtures.ProviderCatalog((8, "Netflix", ["US", "GB"]), (9, "Amazon Prime Video", ["US"])));
        fixture.Tmdb.SetProviderCatalog(MediaType.Tv, TmdbFixtures.ProviderCatalog((8, "Netflix", ["US", "GB"])));
        try
        {
            var cached = await ListAsync(user, "US", null);
            fixture.Clock.Advance(PastMaxAge);
            var refreshed = await ListAsync(user, "US", null);
            var gb = await ListAsync(user, "GB", null);

            Assert.Contains(cached.Items, p => p.Id == 387);
            Assert.Equal([("Amazon Prime Video", 9), ("Netflix", 8)], refreshed.Items.Select(p => (p.Name, p.Id)));
            Assert.Equal([MediaType.Movie, MediaType.Tv], refreshed.Items.Single(p => p.Id == 8).Types);
            Assert.Equal([8], gb.Items.Select(p => p.Id));
        }
        finally
        {
            fixture.Tmdb.ResetProviderCatalogs();
            fixture.Clock.Advance(PastMaxAge);
            await ListAsync(user, "US", null);
        }
    }

    [Fact]
    public async Task When_TMDB_is_down_a_stale_list_is_kept()
    {
        var user = await UserAsync();
        var before = await ListAsync(user, "US", null);
        fixture.Clock.Advance(PastMaxAge);
        fixture.Tmdb.StartOutage(FakeTmdbReply.Status(503));
        try
        {
            var during = await ListAsync(user, "US", null);

            Assert.Equal(Flat(before), Flat(during));
        }
        finally
        {
            fixture.Tmdb.EndOutage();
        }
    }

    [Theory]
    [InlineData(null, null, "region")]
    [InlineData("USA", null, "region")]
    [InlineData("U1", null, "region")]
    [InlineData("US", "film", "type")]
    public async Task Region_is_a_required_country_code_and_type_movie_or_tv(string? region, string? type, string field)
    {
        var user = await UserAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, region, type));

        Assert.Contains(field, error.Errors.Keys);
    }

    private static List<string> Flat(Page<WatchProviderResponse> page) =>
        page.Items.Select(p => $"{p.Id} {p.Name} {p.LogoUrl} {string.Join('+', p.Types)}").ToList();

    private Task<Page<WatchProviderResponse>> ListAsync(CurrentUser user, string? region, string? type) =>
        fixture.WithAsync<ProviderDirectory, Page<WatchProviderResponse>>(d => d.ListAsync(user, new ProvidersQuery(region, type), new PageRequest(PageRequest.MaxLimit, null), default));

    private async Task<CurrentUser> UserAsync()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);
        return user.AsCaller();
    }
}
