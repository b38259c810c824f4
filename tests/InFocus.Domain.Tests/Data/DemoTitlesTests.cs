using InFocus.Domain.Data.Seed;
using InFocus.Domain.Media;
using InFocus.TestKit.Tmdb;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Data;

/// <summary>The seed's titles are exactly what importing them from the recorded TMDB data stores.</summary>
public sealed class DemoTitlesTests(TmdbDomainFixture fixture) : IClassFixture<TmdbDomainFixture>
{
    public static TheoryData<int> DemoTitles() => [.. DemoData.Titles.Select(t => t.TmdbId)];

    [Theory]
    [MemberData(nameof(DemoTitles))]
    public async Task A_demo_title_has_the_metadata_and_providers_an_import_from_TMDB_stores(int tmdbId)
    {
        var demo = DemoData.Titles.Single(t => t.TmdbId == tmdbId);

        var imported = await fixture.WithAsync<MediaCatalog, MediaImportResult>(c => c.ImportAsync(demo.TmdbId, demo.Type, CancellationToken.None));

        var item = await fixture.DbAsync(db => db.MediaItems.AsNoTracking().Include(m => m.StreamingProviders).SingleAsync(m => m.Id == imported.MediaItemId));
        Assert.Equal(
            (demo.Title, demo.Description, demo.PosterPath, demo.BackdropPath, demo.ReleaseDate, demo.Rating),
            (item.Title, item.Description, item.PosterPath, item.BackdropPath, item.ReleaseDate, item.Rating));
        Assert.Equal(demo.Genres, item.Genres);
        Assert.Equal(demo.Creators, item.Creators);
        Assert.Equal(
            demo.Providers.Select(p => Describe(p.TmdbProviderId, p.Name, p.OfferType, p.LogoPath, demo.WatchUrl, p.Regions)).Order(StringComparer.Ordinal),
            item.StreamingProviders.Select(p => Describe(p.TmdbProviderId, p.Provider, p.OfferType, p.LogoPath, p.Url, p.Regions)).Order(StringComparer.Ordinal));
    }

    private static string Describe(int id, string name, StreamingOfferType type, string? logo, string? url, IEnumerable<string> regions) =>
        $"{id} {name} {type} {logo} {url} {string.Join(',', regions)}";
}
