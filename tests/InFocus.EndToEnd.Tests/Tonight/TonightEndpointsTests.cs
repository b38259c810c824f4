using System.Net;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Tonight;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Tonight;

/// <summary>
/// Two members set their services, the family asks what to watch tonight and records its pick, over HTTP. In the
/// US, Breaking Bad streams on Netflix and Fight Club on Peacock Premium (the recorded TMDB offers).
/// </summary>
[Collection(TonightCollection.Name)]
public sealed class TonightEndpointsTests(MediaHostFixture host)
{
    [Fact]
    public async Task Two_members_with_their_services_get_explained_suggestions_and_record_a_pick()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([ada], bob);
        await ServicesAsync(ada, 8);
        await ServicesAsync(bob, 387);
        var breakingBad = await WantAsync(ada, TmdbFixtures.BreakingBad, "tv");
        await WantAsync(bob, TmdbFixtures.BreakingBad, "tv");
        await WantAsync(bob, TmdbFixtures.FightClub, "movie");
        await WantAsync(ada, TmdbFixtures.ShawshankRedemption, "movie");

        var tonight = await GetAsync<TonightResponse>(bob, $"api/families/{familyId}/tonight");
        var movies = await GetAsync<TonightResponse>(ada, $"api/families/{familyId}/tonight?type=movie&maxRuntime=150&members={bob.Id}");
        using var picked = await bob.Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { mediaItemId = breakingBad });
        var picks = await GetAsync<Page<TonightPickResponse>>(ada, $"api/families/{familyId}/tonight/picks");

        Assert.Equal("US", tonight.Region);
        Assert.Equal(["Breaking Bad", "Fight Club"], tonight.Items.Select(i => i.Media.Title));
        var first = tonight.Items[0];
        Assert.Equal([ada.Name, bob.Name], first.WantedBy.Select(m => m.Name));
        Assert.Equal(("Netflix", StreamingOfferType.Subscription, ada.Id), (first.AvailableOn.Single().Provider, first.AvailableOn.Single().OfferType, first.AvailableOn.Single().Through.Single().UserId));
        Assert.Equal((139, bob.Id), (tonight.Items[1].Runtime, tonight.Items[1].AvailableOn.Single().Through.Single().UserId));
        Assert.Equal(["Fight Club"], movies.Items.Select(i => i.Media.Title));
        Assert.Equal(HttpStatusCode.Created, picked.StatusCode);
        var pick = await picked.ReadAsync<TonightPickResponse>();
        Assert.Equal(("Breaking Bad", bob.Id, 2), (pick.Media.Title, pick.PickedBy!.UserId, pick.Members.Count));
        Assert.Equal([pick.Id], picks.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task The_members_present_confirm_the_pick_through_the_viewings_endpoints_and_tonight_names_their_next_episode()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        using var cy = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([ada], bob, cy);
        await ServicesAsync(ada, 8);
        var adaEntry = await EntryAsync(ada, TmdbFixtures.BreakingBad, "tv");
        var show = adaEntry.Media.Id;
        using var picked = await ada.Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { mediaItemId = show, members = new[] { ada.Id, bob.Id } });
        var pick = await picked.ReadAsync<TonightPickResponse>();

        using var adaViewing = await ada.Client.PostJsonAsync($"api/watchlist/{adaEntry.Id}/viewings", new { season = 1, episode = 1 });
        using var together = await ada.Client.PostJsonAsync($"api/families/{familyId}/viewings", new { mediaItemId = show, season = 1, episodes = new[] { 1 }, memberIds = new[] { bob.Id, cy.Id } });
        var picks = await GetAsync<Page<TonightPickResponse>>(bob, $"api/families/{familyId}/tonight/picks");
        var tonight = await GetAsync<TonightResponse>(bob, $"api/families/{familyId}/tonight?members={ada.Id},{bob.Id}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (adaViewing.StatusCode, together.StatusCode));
        Assert.Empty(pick.ConfirmedBy);
        Assert.Equal(new[] { ada.Id, bob.Id }.Order(StringComparer.Ordinal), picks.Items.Single().ConfirmedBy.Select(m => m.UserId).Order(StringComparer.Ordinal));
        string[] family = [ada.Id, bob.Id, cy.Id];
        var statuses = await host.DbAsync(db => db.WatchlistEntries.Where(w => w.MediaItemId == show && family.Contains(w.UserId)).Select(w => w.Status).ToListAsync());
        Assert.Equal([Domain.Watchlist.WatchStatus.Watching, Domain.Watchlist.WatchStatus.Watching, Domain.Watchlist.WatchStatus.Watching], statuses);
        var suggestion = tonight.Items.Single();
        Assert.Equal([(ada.Id, 1, 2), (bob.Id, 1, 2)], suggestion.InProgressFor.Select(p => (p.UserId, p.NextEpisode.Season, p.NextEpisode.Number)));
        Assert.Equal("Cat's in the Bag...", suggestion.InProgressFor[0].NextEpisode.Name);
    }

    [Fact]
    public async Task Another_user_cannot_see_a_familys_tonight_or_picks_nor_pick_for_it()
    {
        using var ada = await host.SignUpAsync();
        using var eve = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([ada]);
        await ServicesAsync(ada, 8);
        var title = await WantAsync(ada, TmdbFixtures.BreakingBad, "tv");

        var eveEntry = await EntryAsync(eve, TmdbFixtures.BreakingBad, "tv");
        using var picked = await ada.Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { mediaItemId = title });
        using var eveViewing = await eve.Client.PostJsonAsync($"api/watchlist/{eveEntry.Id}/viewings", new { season = 1, episode = 1 });

        using var tonight = await eve.Client.GetAsync($"api/families/{familyId}/tonight");
        using var pick = await eve.Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { mediaItemId = title });
        using var picks = await eve.Client.GetAsync($"api/families/{familyId}/tonight/picks");

        await tonight.ProblemAsync(404);
        await pick.ProblemAsync(404);
        await picks.ProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, eveViewing.StatusCode);
        Assert.Empty(await host.DbAsync(db => db.TonightPicks.Where(p => p.FamilyId == familyId).SelectMany(p => p.ConfirmedIds).ToListAsync()));
    }

    [Fact]
    public async Task Bad_queries_are_400_and_a_family_with_no_region_is_409()
    {
        using var ada = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([ada]);

        using var noRegion = await ada.Client.GetAsync($"api/families/{familyId}/tonight");
        using var bad = await ada.Client.GetAsync($"api/families/{familyId}/tonight?type=film&maxRuntime=0&limit=500&offer=stream&members=nobody");
        using var noTitle = await ada.Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { members = new[] { ada.Id } });
        using var unknownTitle = await ada.Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { mediaItemId = Cuid.NewId() });
        using var badCursor = await ada.Client.GetAsync($"api/families/{familyId}/tonight/picks?cursor=nonsense");

        await noRegion.ProblemAsync(409);
        Assert.Equal(["limit", "maxRuntime", "members", "offer", "type"], await bad.InvalidFieldsAsync());
        Assert.Equal(["mediaItemId"], await noTitle.InvalidFieldsAsync());
        await unknownTitle.ProblemAsync(404);
        Assert.Equal(["cursor"], await badCursor.InvalidFieldsAsync());
    }

    private static async Task ServicesAsync(SignedInUser user, params int[] providers)
    {
        using var response = await user.Client.PutJsonAsync("api/me/services", new { region = "US", providerIds = providers });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Puts the TMDB title on the user's watchlist; the catalog id.</summary>
    private static async Task<string> WantAsync(SignedInUser user, int tmdbId, string type) => (await EntryAsync(user, tmdbId, type)).Media.Id;

    /// <summary>Puts the TMDB title on the user's watchlist; the entry.</summary>
    internal static async Task<Domain.Watchlist.WatchlistEntryResponse> EntryAsync(SignedInUser user, int tmdbId, string type)
    {
        using var response = await user.Client.PostJsonAsync("api/watchlist", new { tmdbId, type });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<Domain.Watchlist.WatchlistEntryResponse>();
    }

    private static async Task<T> GetAsync<T>(SignedInUser user, string path)
    {
        using var response = await user.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<T>();
    }
}
