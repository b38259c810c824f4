using System.Net;
using InFocus.Domain.Progress;
using InFocus.Domain.Watchlist;
using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using InFocus.EndToEnd.Tests.Watchlist;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Progress;

/// <summary>"Watched together" and a family's progress through a title, over HTTP.</summary>
[Collection(WatchlistCollection.Name)]
public sealed class FamilyProgressHttpTests(MediaHostFixture host)
{
    [Fact]
    public async Task A_family_logs_an_evening_for_several_members_and_sees_each_ones_next_episode_and_the_common_one()
    {
        using var alice = await host.SignUpAsync();
        using var ben = await host.SignUpAsync();
        using var chloe = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([alice], ben, chloe);
        var entry = await (await alice.Client.PostJsonAsync("api/watchlist", new { tmdbId = TmdbFixtures.BreakingBad, type = "tv" })).ReadAsync<WatchlistEntryResponse>();
        var showId = entry.Media.Id;
        await alice.Client.PostJsonAsync($"api/watchlist/{entry.Id}/viewings", new { season = 1 });

        using var logged = await ben.Client.PostJsonAsync($"api/families/{familyId}/viewings",
            new { mediaItemId = showId, season = 1, episodes = new[] { 1, 2 }, watchedAt = "2025-06-01T20:00:00Z", memberIds = new[] { alice.Id, ben.Id } });
        var family = await logged.ReadAsync<FamilyProgressResponse>();

        Assert.Equal(HttpStatusCode.OK, logged.StatusCode);
        var byId = family.Members.ToDictionary(m => m.UserId);
        Assert.Equal((WatchStatus.Watching, 7, 2, 1), (byId[alice.Id].Status, byId[alice.Id].Completed, byId[alice.Id].NextEpisode!.Season, byId[alice.Id].NextEpisode!.Number));
        Assert.Equal((WatchStatus.Watching, 2, 1, 3), (byId[ben.Id].Status, byId[ben.Id].Completed, byId[ben.Id].NextEpisode!.Season, byId[ben.Id].NextEpisode!.Number));
        Assert.Equal(((WatchStatus?)null, 0, (NextEpisodeResponse?)null), (byId[chloe.Id].Status, byId[chloe.Id].Completed, byId[chloe.Id].NextEpisode));
        Assert.Equal((1, 3), (family.CommonNextEpisode!.Season, family.CommonNextEpisode.Number));
        Assert.Equal(62, family.Aired);
        Assert.True(await host.DbAsync(db => db.WatchlistEntries.AnyAsync(w => w.UserId == ben.Id && w.MediaItemId == showId)));

        var read = await (await chloe.Client.GetAsync($"api/families/{familyId}/progress/{showId}")).ReadAsync<FamilyProgressResponse>();
        Assert.Equal(family.CommonNextEpisode, read.CommonNextEpisode);
    }

    [Fact]
    public async Task Members_must_belong_to_the_family_and_outsiders_get_404()
    {
        using var alice = await host.SignUpAsync();
        using var outsider = await host.SignUpAsync();
        var familyId = await host.SeedFamilyAsync([alice]);
        var title = await host.TitleAsync("Heat");

        Assert.Equal(["memberIds[1]"], await (await alice.Client.PostJsonAsync($"api/families/{familyId}/viewings",
            new { mediaItemId = title.Id, memberIds = new[] { alice.Id, outsider.Id } })).InvalidFieldsAsync());
        Assert.Equal(["memberIds"], await (await alice.Client.PostJsonAsync($"api/families/{familyId}/viewings",
            new { mediaItemId = title.Id, memberIds = Array.Empty<string>() })).InvalidFieldsAsync());
        Assert.Equal(["season"], await (await alice.Client.PostJsonAsync($"api/families/{familyId}/viewings",
            new { mediaItemId = title.Id, season = 1, memberIds = new[] { alice.Id } })).InvalidFieldsAsync());
        await (await alice.Client.PostJsonAsync($"api/families/{familyId}/viewings",
            new { mediaItemId = "cunknowntitle000000000000", memberIds = new[] { alice.Id } })).ProblemAsync(404);
        await (await alice.Client.GetAsync($"api/families/{familyId}/progress/cunknowntitle000000000000")).ProblemAsync(404);

        await (await outsider.Client.PostJsonAsync($"api/families/{familyId}/viewings",
            new { mediaItemId = title.Id, memberIds = new[] { alice.Id } })).ProblemAsync(404);
        await (await outsider.Client.GetAsync($"api/families/{familyId}/progress/{title.Id}")).ProblemAsync(404);
        Assert.Equal(0, await host.DbAsync(db => db.Viewings.CountAsync(v => v.MediaItemId == title.Id)));

        var movie = await (await alice.Client.PostJsonAsync($"api/families/{familyId}/viewings",
            new { mediaItemId = title.Id, memberIds = new[] { alice.Id } })).ReadAsync<FamilyProgressResponse>();
        Assert.Equal((1, WatchStatus.Completed), (movie.Members.Single().Completed, movie.Members.Single().Status));
    }
}
