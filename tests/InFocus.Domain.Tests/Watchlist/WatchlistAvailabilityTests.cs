using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Watchlist;

/// <summary>
/// <c>GET /api/watchlist?available=…</c>, the list composed per request around the caller's region and services: the
/// status filter still applies, each entry lists its offers in a stable order, and the filter's preconditions are
/// explained.
/// </summary>
public sealed class WatchlistAvailabilityTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
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

        var page = await ListAsync(user, new WatchlistQuery("not_watched", null, null, "mine", "subscription,rent"));

        var entry = Assert.Single(page.Items);
        Assert.Equal(both.Id, entry.Media.Id);
        Assert.Equal([(2, "Apple TV"), (8, "Netflix"), (175, "Netflix")], entry.AvailableOn!.Select(o => (o.ProviderId, o.Provider)));
    }

    [Fact]
    public async Task An_offer_filter_alone_and_an_availability_filter_without_a_region_are_explained()
    {
        var user = Entities.User();
        await fixture.SaveAsync(user);

        var offerAlone = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, new WatchlistQuery(null, null, null, null, "rent")));
        var noRegion = await Assert.ThrowsAsync<ValidationException>(() => ListAsync(user, new WatchlistQuery(null, null, null, "mine")));

        Assert.Equal(["filters by availability: use it with available=mine or available=any."], offerAlone.Errors["offer"]);
        Assert.Equal(["needs your region: set it (and your services) with PUT /api/me/services."], noRegion.Errors["available"]);
    }

    [Fact]
    public async Task An_account_deleted_meanwhile_is_not_found()
    {
        var deleted = Entities.User();

        var error = await Assert.ThrowsAsync<NotFoundException>(() => ListAsync(deleted, new WatchlistQuery(null, null, null, "any")));

        Assert.Equal("User", error.Resource);
    }

    private Task<Page<WatchlistEntryResponse>> ListAsync(User user, WatchlistQuery query) =>
        fixture.WithAsync<WatchlistListing, Page<WatchlistEntryResponse>>(l => l.ListAsync(user.AsCaller(), query, PageRequest.First, default));
}
