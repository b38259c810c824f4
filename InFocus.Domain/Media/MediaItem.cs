using InFocus.Domain.Common;

namespace InFocus.Domain.Media;

/// <summary>A movie or TV show imported from TMDB.</summary>
public sealed class MediaItem : Entity
{
    public required int TmdbId { get; init; }

    public required MediaType TmdbType { get; init; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>TMDB image path (for example <c>/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg</c>); URLs are built from the configured image base.</summary>
    public string? PosterPath { get; set; }

    public string? BackdropPath { get; set; }

    /// <summary>Release date of a movie, first air date of a show.</summary>
    public DateOnly? ReleaseDate { get; set; }

    /// <summary>TMDB's average vote, 0–10.</summary>
    public decimal? Rating { get; set; }

    public List<string> Genres { get; set; } = [];

    /// <summary>Directors of a movie, creators of a show.</summary>
    public List<string> Creators { get; set; } = [];

    /// <summary>Minutes of a movie, or of a show's typical episode; null when TMDB does not say.</summary>
    public int? Runtime { get; set; }

    /// <summary>TMDB's popularity score at import or last refresh of the title.</summary>
    public decimal? Popularity { get; set; }

    /// <summary>When the streaming providers were last fetched from TMDB; null if never.</summary>
    public DateTimeOffset? ProvidersRefreshedAt { get; set; }

    /// <summary>A show's TMDB status (null for movies and unknown statuses).</summary>
    public ShowStatus? ShowStatus { get; set; }

    /// <summary>When a show's seasons and episodes were last stored from TMDB; null if never (or a movie).</summary>
    public DateTimeOffset? SeasonsRefreshedAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public List<StreamingProvider> StreamingProviders { get; init; } = [];
}
