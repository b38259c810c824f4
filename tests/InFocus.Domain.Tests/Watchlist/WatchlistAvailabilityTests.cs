using InFocus.Domain.Accounts;
using InFocus.Domain.Availability;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Watchlist;

/// <summary>
/// <c>GET /api/watchlist?available=mine|any&amp;offer=...</c>: the entries whose titles can be watched in the caller's
/// region (on their services, or on any), each with where. US offers of the recorded titles: Breaking Bad on Netflix
/// (subscription) and to buy; Fight Club on Peacock Premium (subscription) and to rent or buy; The Shawshank
/// Redemption to rent or buy; Rrrrrrr nowhere.
/// </summary>
public sealed class WatchlistAvailabilityTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    [Fact]
    public async Task Mine_keeps_titles_on_my_services_with_where_and_any_keeps_every_service_in_my_region()
    {
        var user = await UserWithListAsync("US", 8);

        var mine = await ListAsync(user, "mine", null);
        var any = await ListAsync(user, "any", null);
        var rentOrBuy = await ListAsync(user, "any", "rent,buy");
        var unfiltered = await ListAsync(user, null, null);

        Assert.Equal(["Breaking Bad"], mine.Items.Select(e => e.Media.Title));
        Assert.Equal([(8, "Netflix", StreamingOfferType.Subscription)], mine.Items.Single().AvailableOn!.Select(o => (o.ProviderId, o.Provider, o.OfferType)));
        Assert.Equal(["Breaking Bad", "Fight Club"], any.Items.Select(e => e.Media.Title).Order(StringComparer.Ordinal));
        Assert.Equal([387], any.Items.Single(e => e.Media.Title == "Fight Club").AvailableOn!.Select(o => o.ProviderId));
        Assert.Equal(["Breaking Bad", "Fight Club", "The Shawshank Redemption"], rentOrBuy.Items.Select(e => e.Media.Title).Order(StringComparer.Ordinal));
        Assert.All(rentOrBuy.Items.SelectMany(e => e.AvailableOn!), o => Assert.Contains(o.OfferType, new[] { StreamingOfferType.Rent, StreamingOfferType.Buy }));
        Assert.Equal(4, unfiltered.Items.Count);
        Assert.All(unfiltered.Items, e => Assert.Null(e.AvailableOn));
    }

    [Fact]
    public async Task Another_region_sees_its_own_offers()
    {
        var user = await UserWithListAsync("GB", 8);

        var mine = await ListAsync(user, "mine", null);

        Assert.Equal(["Breaking Bad", "Fight Club"], mine.Items.Select(e => e.Media.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pages_of_a_filtered_list_continue_and_a_cursor_of_another_filter_is_refused()
    {
        var user = await UserWithListAsync("US", 8);

        var first = await ListAsync(user, "any", "subscription,rent", limit: 2);
        var rest = await ListAsync(user, "any", "subscription,rent", limit: 2, cursor: first.NextCursor);

        Assert.Equal(3, first.Items.Concat(rest.Items).Select(e => e.Id).Distinct().Count());
        Assert.Null(rest.NextCursor);
        await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, "mine", "subscription,rent", limit: 2, cursor: first.NextCursor));
    }

    [Theory]
    [InlineData("everywhere", null, "available")]
    [InlineData("mine", "stream", "offer")]
    [InlineData(null, "rent", "offer")]
    public async Task Bad_filters_are_refused(string? available, string? offer, string field)
    {
        var user = await UserWithListAsync("US", 8);

        var error = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, available, offer));

        Assert.Contains(field, error.Errors.Keys);
    }

    [Fact]
    public async Task Filtering_needs_a_region()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);

        var error = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user.AsCaller(), "any", null));

        Assert.Contains("available", error.Errors.Keys);
    }

    [Fact]
    public async Task A_filtered_page_is_three_statements_for_10_or_1000_entries()
    {
        var counts = new List<(int Items, int Statements)>();
        foreach (var size in new[] { 10, 1_000 })
        {
            var user = Entities.User();
            user.Region = "US";
            await fixture.SaveAsync(user);
            var titles = await fixture.InsertTitlesAsync(size);
            await fixture.DbAsync(async db =>
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO watchlist_entries (id, user_id, media_item_id, status)
                    SELECT id, {user.Id}, media_item_id, 'not_watched' FROM unnest({BulkData.NewIds(size)}, {titles}) AS t(id, media_item_id)
                    """);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO streaming_providers (id, media_item_id, tmdb_provider_id, provider, offer_type, regions)
                    SELECT id, media_item_id, 8, 'Netflix', 'subscription', ARRAY['US'] FROM unnest({BulkData.NewIds(size)}, {titles}) AS t(id, media_item_id)
                    """);
                await db.Database.ExecuteSqlAsync($"INSERT INTO subscriptions (id, user_id, tmdb_provider_id) VALUES ({Cuid.NewId()}, {user.Id}, 8)");
            });

            await using var scope = fixture.CreateScope();
            var listing = scope.ServiceProvider.GetRequiredService<WatchlistListing>();
            fixture.Statements.Reset();
            var page = await listing.ListAsync(user.AsCaller(), new WatchlistQuery(null, null, null, "mine", null), new PageRequest(PageRequest.MaxLimit, null), default);
            counts.Add((page.Items.Count, fixture.Statements.Count));
        }

        Assert.Equal([(10, 3), (PageRequest.MaxLimit, 3)], counts);
    }

    [Fact]
    public async Task On_my_services_with_a_status_keeps_to_both_and_lists_each_titles_offers_by_provider_then_id()
    {
        var user = Entities.User();
        user.Region = "US";
        var (both, completed, elsewhere) = (Entities.MediaItem("Both"), Entities.MediaItem("Completed"), Entities.MediaItem("Elsewhere"));
        await fixture.SaveAsync([
            user, both, completed, elsewhere,
            Entities.WatchlistEntry(user, both), Entities.WatchlistEntry(user, completed, WatchStatus.Completed), Entities.WatchlistEntry(user, elsewhere)]);
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO subscriptions (id, user_id, tmdb_provider_id)
            VALUES ({Cuid.NewId()}, {user.Id}, 8), ({Cuid.NewId()}, {user.Id}, 175), ({Cuid.NewId()}, {user.Id}, 2);
            INSERT INTO streaming_providers (id, media_item_id, tmdb_provider_id, provider, offer_type, regions)
            VALUES ({Cuid.NewId()}, {both.Id}, 175, 'Netflix', 'subscription', ARRAY['US']),
                   ({Cuid.NewId()}, {both.Id}, 2, 'Apple TV', 'rent', ARRAY['US']),
                   ({Cuid.NewId()}, {both.Id}, 8, 'Netflix', 'subscription', ARRAY['US']),
                   ({Cuid.NewId()}, {completed.Id}, 8, 'Netflix', 'subscription', ARRAY['US']),
                   ({Cuid.NewId()}, {elsewhere.Id}, 9, 'Prime Video', 'subscription', ARRAY['US'])
            """));

        var page = await QueryAsync(user, new WatchlistQuery("not_watched", null, null, "mine", "subscription,rent"));

        var entry = Assert.Single(page.Items);
        Assert.Equal(both.Id, entry.Media.Id);
        Assert.Equal([(2, "Apple TV"), (8, "Netflix"), (175, "Netflix")], entry.AvailableOn!.Select(o => (o.ProviderId, o.Provider)));
    }

    [Fact]
    public async Task An_offer_filter_alone_and_an_availability_filter_without_a_region_are_explained()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);

        var offerAlone = await Assert.ThrowsAsync<ValidationException>(() => QueryAsync(user, new WatchlistQuery(null, null, null, null, "rent")));
        var noRegion = await Assert.ThrowsAsync<ValidationException>(() => QueryAsync(user, new WatchlistQuery(null, null, null, "mine")));

        Assert.Equal(["filters by availability: use it with available=mine or available=any."], offerAlone.Errors["offer"]);
        Assert.Equal(["needs your region: set it (and your services) with PUT /api/me/services."], noRegion.Errors["available"]);
    }

    [Fact]
    public async Task An_account_deleted_meanwhile_is_not_found()
    {
        var deleted = Entities.User();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => QueryAsync(deleted, new WatchlistQuery(null, null, null, "any")));

        Assert.Equal("User", error.Resource);
    }

    private Task<Page<WatchlistEntryResponse>> ListAsync(CurrentUser user, string? available, string? offer, int limit = PageRequest.MaxLimit, string? cursor = null) =>
        fixture.WithAsync<WatchlistListing, Page<WatchlistEntryResponse>>(l =>
            l.ListAsync(user, new WatchlistQuery(null, "title", null, available, offer), new PageRequest(limit, cursor), default));

    /// <summary>A user in <paramref name="region"/> with the given services, and Breaking Bad and three recorded movies on their list.</summary>
    private async Task<CurrentUser> UserWithListAsync(string region, params int[] services)
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);
        var caller = user.AsCaller();
        await fixture.WithAsync<MyServicesService, MyServicesResponse>(s => s.ReplaceAsync(caller, new MyServicesRequest(region, services), default));
        foreach (var (type, id) in new[] { (MediaType.Tv, TmdbFixtures.BreakingBad), (MediaType.Movie, TmdbFixtures.FightClub), (MediaType.Movie, TmdbFixtures.ShawshankRedemption), (MediaType.Movie, TmdbFixtures.Rrrrrrr) })
        {
            var title = await fixture.WithAsync<MediaCatalog, MediaImportResult>(c => c.EnsureAsync(id, type, default));
            await fixture.DbAsync(db =>
            {
                db.WatchlistEntries.Add(new Domain.Watchlist.WatchlistEntry { UserId = user.Id, MediaItemId = title.MediaItemId });
                return db.SaveChangesAsync();
            });
        }

        return caller;
    }

    /// <summary>The list with every query parameter, as the caller <paramref name="user"/>, first page.</summary>
    private Task<Page<WatchlistEntryResponse>> QueryAsync(User user, WatchlistQuery query) =>
        fixture.WithAsync<WatchlistListing, Page<WatchlistEntryResponse>>(l => l.ListAsync(user.AsCaller(), query, PageRequest.First, default));
}
