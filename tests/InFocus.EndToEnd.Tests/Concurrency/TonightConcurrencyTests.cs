using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

[Collection(ConcurrencyCollection.Name)]
public sealed class TonightConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    [Fact]
    public async Task Picks_by_both_members_at_once_are_each_recorded_once()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([ada], bob);
        var title = await host.SeedTitleAsync();

        var answers = await Concurrently.SendAsync(N, i => (i % 2 == 0 ? ada : bob).Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { mediaItemId = title.Id }));

        answers.AssertCounts((Created, N));
        var stored = await host.DbAsync(db => db.TonightPicks.Where(p => p.FamilyId == familyId).Select(p => p.PickedById).ToListAsync());
        Assert.Equal((N / 2, N - N / 2), (stored.Count(id => id == ada.Id), stored.Count(id => id == bob.Id)));
    }

    [Fact]
    public async Task Members_confirming_a_pick_at_once_through_both_viewings_endpoints_are_each_recorded_once()
    {
        using var ada = await host.SignUpAsync();
        using var bob = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([ada], bob);
        var adaEntry = await Tonight.TonightEndpointsTests.EntryAsync(ada, TmdbFixtures.BreakingBad, "tv");
        var bobEntry = await Tonight.TonightEndpointsTests.EntryAsync(bob, TmdbFixtures.BreakingBad, "tv");
        var show = adaEntry.Media.Id;
        using var picked = await ada.Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { mediaItemId = show });
        Assert.Equal(Created, picked.StatusCode);

        var answers = await Concurrently.SendAsync(N, i => (i % 4) switch
        {
            0 => ada.Client.PostJsonAsync($"api/watchlist/{adaEntry.Id}/viewings", new { season = 1, episode = 1 }),
            1 => bob.Client.PostJsonAsync($"api/watchlist/{bobEntry.Id}/viewings", new { season = 1, episode = 2 }),
            2 => ada.Client.PostJsonAsync($"api/families/{familyId}/viewings", new { mediaItemId = show, season = 1, episodes = new[] { 1 }, memberIds = new[] { ada.Id, bob.Id } }),
            _ => bob.Client.PostJsonAsync($"api/families/{familyId}/viewings", new { mediaItemId = show, season = 1, episodes = new[] { 3 }, memberIds = new[] { bob.Id } }),
        });

        answers.AssertCounts((OK, N));
        var confirmed = await host.DbAsync(db => db.TonightPicks.Where(p => p.FamilyId == familyId).Select(p => p.ConfirmedIds).SingleAsync());
        Assert.Equal(new[] { ada.Id, bob.Id }.Order(StringComparer.Ordinal), confirmed.Order(StringComparer.Ordinal));
        string[] members = [ada.Id, bob.Id];
        var statuses = await host.DbAsync(db => db.WatchlistEntries.Where(w => w.MediaItemId == show && members.Contains(w.UserId)).Select(w => w.Status).ToListAsync());
        Assert.Equal([WatchStatus.Watching, WatchStatus.Watching], statuses);
    }

    [Fact]
    public async Task Picks_racing_the_familys_deletion_are_recorded_before_it_or_find_no_family_and_nothing_is_left()
    {
        using var ada = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([ada]);
        var title = await host.SeedTitleAsync();

        var answers = await Concurrently.SendAsync(
        [
            () => ada.Client.DeleteAsync($"api/families/{familyId}"),
            .. Enumerable.Range(1, N - 1).Select(_ => (Func<Task<HttpResponseMessage>>)(() =>
                ada.Client.PostJsonAsync($"api/families/{familyId}/tonight/picks", new { mediaItemId = title.Id }))),
        ]);

        Assert.Equal(NoContent, answers.All[0].Status);
        Assert.All(answers.All.Skip(1), a => Assert.Contains(a.Status, new[] { Created, NotFound }));
        Assert.False(await host.DbAsync(db => db.TonightPicks.AnyAsync(p => p.FamilyId == familyId)));
    }
}
