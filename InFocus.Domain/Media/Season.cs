using InFocus.Domain.Common;

namespace InFocus.Domain.Media;

/// <summary>One season of a TV show, from TMDB (<c>tv/{id}/season/{n}</c>). Season 0 holds the specials.</summary>
public sealed class Season : Entity
{
    public required string MediaItemId { get; init; }

    public required int Number { get; init; }

    public string? Name { get; set; }

    public DateOnly? AirDate { get; set; }

    /// <summary>How many episodes TMDB lists for the season (aired or not).</summary>
    public int EpisodeCount { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public MediaItem? MediaItem { get; init; }
}

/// <summary>
/// One episode of a TV show. <see cref="SeasonNumber"/> repeats the season's number so progress queries need no join;
/// an episode with no <see cref="AirDate"/>, or a future one, has not aired and does not count in progress.
/// </summary>
public sealed class Episode : Entity
{
    public required string MediaItemId { get; init; }

    public required string SeasonId { get; init; }

    public required int SeasonNumber { get; init; }

    public required int Number { get; init; }

    public string? Name { get; set; }

    public DateOnly? AirDate { get; set; }

    /// <summary>Minutes, when TMDB knows.</summary>
    public int? Runtime { get; set; }

    /// <summary>TMDB image path of the episode's still.</summary>
    public string? StillPath { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public MediaItem? MediaItem { get; init; }

    public Season? Season { get; init; }
}
