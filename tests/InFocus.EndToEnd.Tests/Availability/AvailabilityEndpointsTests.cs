using System.Net;
using InFocus.Domain.Availability;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.EndToEnd.Tests.Tonight;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Availability;

/// <summary>Providers of a region, my services, the watchlist's availability filter and a family's region, over HTTP.</summary>
[Collection(TonightCollection.Name)]
public sealed class AvailabilityEndpointsTests(MediaHostFixture host)
{
    [Fact]
    public async Task A_user_picks_services_from_the_regions_providers_and_filters_their_watchlist_by_them()
    {
        using var user = await host.SignUpAsync();
        var providers = await GetAsync<Page<WatchProviderResponse>>(user, "api/providers?region=US&type=tv");
        using var put = await user.Client.PutJsonAsync("api/me/services", new { region = "us", providerIds = new[] { 8 } });
        var services = await GetAsync<MyServicesResponse>(user, "api/me/services");
        foreach (var (id, type) in new[] { (TmdbFixtures.BreakingBad, "tv"), (TmdbFixtures.ShawshankRedemption, "movie") })
        {
            using var added = await user.Client.PostJsonAsync("api/watchlist", new { tmdbId = id, type });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var mine = await GetAsync<Page<WatchlistEntryResponse>>(user, "api/watchlist?available=mine");
        var rentals = await GetAsync<Page<WatchlistEntryResponse>>(user, "api/watchlist?available=any&offer=rent");

        Assert.Contains(providers.Items, p => p.Id == 8 && p.Name == "Netflix");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("US", "Netflix"), (services.Region, services.Services.Single().Name));
        Assert.Equal(("Breaking Bad", "Netflix", StreamingOfferType.Subscription), (mine.Items.Single().Media.Title, mine.Items.Single().AvailableOn!.Single().Provider, mine.Items.Single().AvailableOn!.Single().OfferType));
        Assert.Equal("The Shawshank Redemption", rentals.Items.Single().Media.Title);
    }

    [Fact]
    public async Task Another_user_sees_only_their_own_services()
    {
        using var owner = await host.SignUpAsync();
        using var other = await host.SignUpAsync();
        using var put = await owner.Client.PutJsonAsync("api/me/services", new { region = "GB", providerIds = new[] { 8 } });

        var theirs = await GetAsync<MyServicesResponse>(other, "api/me/services");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((null, 0), (theirs.Region, theirs.Services.Count));
    }

    [Fact]
    public async Task Unknown_regions_providers_and_filters_are_400()
    {
        using var user = await host.SignUpAsync();

        using var noRegion = await user.Client.GetAsync("api/providers");
        using var badType = await user.Client.GetAsync("api/providers?region=US&type=film");
        using var unknownProvider = await user.Client.PutJsonAsync("api/me/services", new { region = "US", providerIds = new[] { 999_999 } });
        using var unknownRegion = await user.Client.PutJsonAsync("api/me/services", new { region = "ZZ", providerIds = Array.Empty<int>() });
        using var noRegionYet = await user.Client.GetAsync("api/watchlist?available=mine");
        using var badOffer = await user.Client.GetAsync("api/watchlist?available=any&offer=stream");

        Assert.Equal(["region"], await noRegion.InvalidFieldsAsync());
        Assert.Equal(["type"], await badType.InvalidFieldsAsync());
        Assert.Equal(["providerIds"], await unknownProvider.InvalidFieldsAsync());
        Assert.Equal(["region"], await unknownRegion.InvalidFieldsAsync());
        Assert.Equal(["available"], await noRegionYet.InvalidFieldsAsync());
        Assert.Equal(["offer"], await badOffer.InvalidFieldsAsync());
    }

    [Fact]
    public async Task With_no_provider_list_yet_and_TMDB_down_providers_answer_503_and_then_429_at_the_users_limit()
    {
        using var user = await host.SignUpAsync();
        await host.DbAsync(db => db.WatchProviders.ExecuteDeleteAsync());
        host.Tmdb.StartOutage(FakeTmdbReply.Status(503));
        try
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i <= ProviderDirectory.RefreshesPerUserPerHour; i++)
            {
                using var response = await user.Client.GetAsync("api/providers?region=US");
                statuses.Add(response.StatusCode);
                Assert.NotNull(response.Headers.RetryAfter);
            }

            Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, ProviderDirectory.RefreshesPerUserPerHour), HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            host.Tmdb.EndOutage();
        }

        using var another = await host.SignUpAsync();
        var providers = await GetAsync<Page<WatchProviderResponse>>(another, "api/providers?region=GB");
        Assert.Contains(providers.Items, p => p.Id == 8);
    }

    [Fact]
    public async Task A_familys_region_is_its_creators_until_an_admin_sets_it_and_outsiders_cannot()
    {
        using var admin = await host.SignUpAsync();
        using var outsider = await host.SignUpAsync();
        using var services = await admin.Client.PutJsonAsync("api/me/services", new { region = "GB", providerIds = Array.Empty<int>() });
        var familyId = await admin.CreateFamilyAsync();

        var inherited = await GetAsync<FamilyDetails>(admin, $"api/families/{familyId}");
        using var set = await admin.Client.PatchJsonAsync($"api/families/{familyId}", """{ "region": "us" }""");
        using var foreign = await outsider.Client.PatchJsonAsync($"api/families/{familyId}", """{ "region": "FR" }""");
        using var invalid = await admin.Client.PatchJsonAsync($"api/families/{familyId}", """{ "region": "France" }""");

        Assert.Equal("GB", inherited.Region);
        Assert.Equal("US", (await set.ReadAsync<FamilyDetails>()).Region);
        await foreign.ProblemAsync(404);
        Assert.Equal(["region"], await invalid.InvalidFieldsAsync());
    }

    private static async Task<T> GetAsync<T>(SignedInUser user, string path)
    {
        using var response = await user.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<T>();
    }
}
