using InFocus.Domain.Data.Seed;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Data;

/// <summary>
/// A database seeded before (or whose demo titles' providers the refresh job rewrote) holds offers under other ids;
/// seeding again adds only the offers that are missing instead of failing on the unique offer key.
/// </summary>
public sealed class SeedOverExistingOffersTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Seeding_over_offers_stored_under_other_ids_adds_only_the_missing_ones()
    {
        await SeedAsync();
        var breakingBad = DemoData.Titles.Single(t => t.TmdbId == 1396);
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE streaming_providers SET id = 'c' || substr(md5(id), 1, 24) WHERE media_item_id = {breakingBad.Id} AND tmdb_provider_id = 8"));
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"DELETE FROM streaming_providers WHERE media_item_id = {breakingBad.Id} AND tmdb_provider_id = 7"));

        var inserted = await SeedAsync();

        Assert.Equal(1, inserted);
        Assert.Equal(
            breakingBad.Providers.Count,
            await fixture.DbAsync(db => db.StreamingProviders.CountAsync(p => p.MediaItemId == breakingBad.Id)));
    }

    private async Task<int> SeedAsync()
    {
        await using var scope = fixture.CreateScope();
        return await ActivatorUtilities.CreateInstance<DevelopmentSeeder>(scope.ServiceProvider).SeedAsync(allowNonLocalDatabase: false, CancellationToken.None);
    }
}
