using InFocus.Domain.Common;
using InFocus.Domain.Media.Tmdb;

namespace InFocus.Domain.Media;

/// <summary>One stored provider row: a provider's offer of one type, with every region that has it.</summary>
internal sealed record ProviderOffer(
    int TmdbProviderId,
    string Name,
    StreamingOfferType OfferType,
    string? LogoPath,
    string? Url,
    List<string> Regions)
{
    /// <summary>
    /// Folds TMDB's per-region lists into one offer per provider and offer type. The URL of every offer is TMDB's
    /// watch page for the title without its region (TMDB has no per-provider links); readers add <c>?locale=</c>.
    /// Name and logo come from the first region listing the provider, regions alphabetically.
    /// </summary>
    public static IReadOnlyList<ProviderOffer> From(TmdbWatchProviders? providers)
    {
        var regions = (providers?.Results ?? new Dictionary<string, TmdbRegionProviders>())
            .Select(r => (Valid: Media.Regions.TryNormalize(r.Key, out var code), Code: code, Offers: r.Value))
            .Where(r => r.Valid && r.Offers is not null)
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var url = regions.Select(r => TmdbValues.LinkWithoutQuery(r.Offers.Link)).FirstOrDefault(l => l is not null);

        var offers = new Dictionary<(int, StreamingOfferType), ProviderOffer>();
        foreach (var (_, code, entry) in regions)
        {
            Add(offers, entry.Flatrate, StreamingOfferType.Subscription, code, url);
            Add(offers, entry.Free, StreamingOfferType.Free, code, url);
            Add(offers, entry.Ads, StreamingOfferType.Ads, code, url);
            Add(offers, entry.Rent, StreamingOfferType.Rent, code, url);
            Add(offers, entry.Buy, StreamingOfferType.Buy, code, url);
        }

        return offers.Values.ToList();
    }

    private static void Add(
        Dictionary<(int, StreamingOfferType), ProviderOffer> offers,
        IReadOnlyList<TmdbProvider>? providers,
        StreamingOfferType type,
        string region,
        string? url)
    {
        foreach (var provider in providers ?? [])
        {
            if (provider.ProviderId <= 0 || TmdbValues.Text(provider.ProviderName, FieldLimits.ProviderName) is not { } name)
            {
                continue;
            }

            if (!offers.TryGetValue((provider.ProviderId, type), out var offer))
            {
                offer = new ProviderOffer(provider.ProviderId, name, type, TmdbValues.ImagePath(provider.LogoPath), url, []);
                offers.Add((provider.ProviderId, type), offer);
            }

            if (!offer.Regions.Contains(region, StringComparer.Ordinal))
            {
                offer.Regions.Add(region);
            }
        }
    }
}
