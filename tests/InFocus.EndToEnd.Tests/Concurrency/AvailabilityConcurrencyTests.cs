using InFocus.EndToEnd.Tests.Harness;
using InFocus.EndToEnd.Tests.Media;
using Microsoft.EntityFrameworkCore;
using static System.Net.HttpStatusCode;

namespace InFocus.EndToEnd.Tests.Concurrency;

[Collection(ConcurrencyCollection.Name)]
public sealed class AvailabilityConcurrencyTests(MediaHostFixture host)
{
    private const int N = ConcurrencyCollection.Requests;

    /// <summary>Provider sets of US providers the fake's lists name (Netflix, Apple TV, Amazon Video, Google Play, Vudu).</summary>
    private static readonly int[][] Sets = [[8], [2, 10], [3, 7, 8], [2], [10, 3], [7], [8, 2, 10, 3], []];

    [Fact]
    public async Task Conflicting_service_sets_at_once_all_succeed_and_exactly_one_whole_set_is_kept()
    {
        using var user = await host.SignUpAsync();

        var answers = await Concurrently.SendAsync(N, i => user.Client.PutJsonAsync("api/me/services", new { region = i % 2 == 0 ? "US" : "us", providerIds = Sets[i % Sets.Length] }));

        answers.AssertCounts((OK, N));
        var stored = await host.DbAsync(db => db.Subscriptions.Where(s => s.UserId == user.Id).Select(s => s.TmdbProviderId).Order().ToListAsync());
        Assert.Contains(Sets, set => set.Order().SequenceEqual(stored));
        Assert.Equal("US", await host.DbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Region).SingleAsync()));
    }

    [Fact]
    public async Task Identical_service_sets_at_once_store_each_service_once()
    {
        using var user = await host.SignUpAsync();

        var answers = await Concurrently.SendAsync(N, _ => user.Client.PutJsonAsync("api/me/services", new { region = "US", providerIds = new[] { 8, 2 } }));

        answers.AssertCounts((OK, N));
        Assert.Equal([2, 8], await host.DbAsync(db => db.Subscriptions.Where(s => s.UserId == user.Id).Select(s => s.TmdbProviderId).Order().ToListAsync()));
    }

    [Fact]
    public async Task Conflicting_family_regions_at_once_all_succeed_and_one_is_kept()
    {
        using var admin = await host.SignUpAsync();
        var familyId = await admin.CreateFamilyAsync();
        string[] regions = ["US", "GB", "DE", "FR", "CA", "ES", "IT", "NL"];

        var answers = await Concurrently.SendAsync(N, i => admin.Client.PatchJsonAsync($"api/families/{familyId}", $$"""{ "region": "{{regions[i % regions.Length]}}" }"""));

        answers.AssertCounts((OK, N));
        Assert.Contains(await host.DbAsync(db => db.Families.Where(f => f.Id == familyId).Select(f => f.Region).SingleAsync()), regions);
    }
}
