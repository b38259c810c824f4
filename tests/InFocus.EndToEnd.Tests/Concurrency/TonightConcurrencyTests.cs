using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
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
