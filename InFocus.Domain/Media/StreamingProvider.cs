using InFocus.Domain.Common;

namespace InFocus.Domain.Media;

/// <summary>
/// Where a title can be watched: one provider with one kind of offer, in the regions listed. The same provider
/// can be a subscription in one region and a rental in another, hence one row per provider and offer type.
/// </summary>
public sealed class StreamingProvider : Entity
{
    public required string MediaItemId { get; init; }

    /// <summary>TMDB's provider id (8 is Netflix).</summary>
    public required int TmdbProviderId { get; init; }

    /// <summary>Display name of the provider, for example "Netflix".</summary>
    public required string Provider { get; set; }

    public required StreamingOfferType OfferType { get; init; }

    public string? LogoPath { get; set; }

    /// <summary>Where to watch it: TMDB's watch page for the title (region chosen by the client).</summary>
    public string? Url { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes of the regions where this offer exists.</summary>
    public List<string> Regions { get; set; } = [];

    public DateTimeOffset AddedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public MediaItem? MediaItem { get; init; }
}

/// <summary>How a provider offers a title; TMDB calls these flatrate, free, ads, rent and buy.</summary>
public enum StreamingOfferType
{
    Subscription,
    Free,
    Ads,
    Rent,
    Buy,
}
