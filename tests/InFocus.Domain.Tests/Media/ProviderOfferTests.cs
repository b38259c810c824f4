using InFocus.Domain.Media;
using InFocus.Domain.Media.Tmdb;

namespace InFocus.Domain.Tests.Media;

public sealed class ProviderOfferTests
{
    private static TmdbProvider Provider(int id, string? name, string? logo = "/logo.jpg") => new(id, name, logo, 1);

    [Fact]
    public void Regions_fold_into_one_offer_per_provider_and_offer_type_with_every_TMDB_offer_type_mapped()
    {
        var providers = new TmdbWatchProviders(new Dictionary<string, TmdbRegionProviders>
        {
            ["US"] = new("https://www.themoviedb.org/movie/1-x/watch?locale=US",
                Flatrate: [Provider(8, "Netflix")], Free: [Provider(73, "Tubi TV")], Ads: [Provider(300, "Pluto TV")],
                Rent: [Provider(2, "Apple TV")], Buy: [Provider(2, "Apple TV")]),
            ["GB"] = new("https://www.themoviedb.org/movie/1-x/watch?locale=GB",
                Flatrate: [Provider(8, "Netflix")], Free: null, Ads: null, Rent: null, Buy: [Provider(2, "Apple TV")]),
        });

        var offers = ProviderOffer.From(providers).ToDictionary(o => (o.TmdbProviderId, o.OfferType));

        Assert.Equal(5, offers.Count);
        Assert.Equal(["GB", "US"], offers[(8, StreamingOfferType.Subscription)].Regions);
        Assert.Equal(["US"], offers[(73, StreamingOfferType.Free)].Regions);
        Assert.Equal(["US"], offers[(300, StreamingOfferType.Ads)].Regions);
        Assert.Equal(["US"], offers[(2, StreamingOfferType.Rent)].Regions);
        Assert.Equal(["GB", "US"], offers[(2, StreamingOfferType.Buy)].Regions);
        Assert.All(offers.Values, o => Assert.Equal("https://www.themoviedb.org/movie/1-x/watch", o.Url));
    }

    [Fact]
    public void Malformed_regions_and_providers_are_left_out()
    {
        var providers = new TmdbWatchProviders(new Dictionary<string, TmdbRegionProviders>
        {
            ["USA"] = new(null, [Provider(8, "Netflix")], null, null, null, null),
            ["1X"] = new(null, [Provider(8, "Netflix")], null, null, null, null),
            ["gb"] = new("javascript:alert(1)", [Provider(0, "Zero"), Provider(9, " "), Provider(10, "Amazon Video", "not-a-path")], null, null, null, null),
        });

        var offer = Assert.Single(ProviderOffer.From(providers));

        Assert.Equal((10, "Amazon Video", null, null), (offer.TmdbProviderId, offer.Name, offer.LogoPath, offer.Url));
        Assert.Equal(["GB"], offer.Regions);
    }

    [Fact]
    public void No_watch_providers_means_no_offers() =>
        Assert.Empty(ProviderOffer.From(new TmdbWatchProviders(null)));
}
