using InFocus.Domain.Common;

namespace InFocus.Domain.Availability;

/// <summary>
/// One streaming provider of TMDB's provider lists (<c>watch/providers/movie</c> and <c>/tv</c>), with the regions
/// where TMDB lists it for movies and for shows. A cache, replaced by <see cref="ProviderDirectory"/> once a day.
/// </summary>
public sealed class WatchProvider : Entity
{
    /// <summary>TMDB's provider id (8 is Netflix), the same as <see cref="Media.StreamingProvider.TmdbProviderId"/>.</summary>
    public required int TmdbProviderId { get; init; }

    public required string Name { get; set; }

    public string? LogoPath { get; set; }

    /// <summary>TMDB's default display priority (lower first).</summary>
    public int DisplayPriority { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes where TMDB lists the provider for movies.</summary>
    public List<string> MovieRegions { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2 codes where TMDB lists the provider for shows.</summary>
    public List<string> TvRegions { get; set; } = [];

    /// <summary>When the row was last read from TMDB.</summary>
    public DateTimeOffset RefreshedAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
