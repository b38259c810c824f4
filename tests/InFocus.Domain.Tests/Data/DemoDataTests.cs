using InFocus.Domain.Data.Seed;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Data;

/// <summary>What the demo data shows a new developer: progress, up next and tonight (a database of its own, seeded once per test).</summary>
public sealed class DemoDataTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task The_demo_users_have_progress_alice_in_season_3_of_breaking_bad_and_chloe_through_all_of_it_and_the_family_gets_tonights_suggestions()
    {
        await SeedTests.SeedAsync(fixture);
        var alice = new InFocus.Domain.Accounts.CurrentUser(DemoData.Users[0].Id, "seed");
        var chloe = new InFocus.Domain.Accounts.CurrentUser(DemoData.Users[2].Id, "seed");

        var alices = await fixture.WithAsync<InFocus.Domain.Progress.ProgressService, InFocus.Domain.Progress.ProgressResponse>(
            s => s.GetAsync(alice, DemoData.Watchlist[1].Id, default));
        var chloes = await fixture.WithAsync<InFocus.Domain.Progress.ProgressService, InFocus.Domain.Progress.ProgressResponse>(
            s => s.GetAsync(chloe, DemoData.Watchlist[5].Id, default));

        Assert.Equal((62, 23, 3, 4), (alices.Aired, alices.Completed, alices.NextEpisode!.Season, alices.NextEpisode.Number));
        Assert.Equal((62, null), (chloes.Completed, chloes.NextEpisode));
        var upNext = await fixture.WithAsync<InFocus.Domain.Progress.UpNextService, InFocus.Domain.Common.Page<InFocus.Domain.Progress.UpNextItem>>(
            s => s.ListAsync(alice, InFocus.Domain.Common.PageRequest.First, default));
        Assert.Equal(["Breaking Bad"], upNext.Items.Select(i => i.Title));

        // Alice (US) and Ben pay for Netflix, which streams Breaking Bad in the US: the family's tonight suggests it.
        var tonight = await fixture.WithAsync<InFocus.Domain.Tonight.TonightService, InFocus.Domain.Tonight.TonightResponse>(
            s => s.GetAsync(alice, DemoData.Family.Id, new InFocus.Domain.Tonight.TonightQuery(null, null, null, null, null), default));
        Assert.Equal("US", tonight.Region);
        Assert.Contains(tonight.Items, i => i.Media.Title == "Breaking Bad");
    }
}
