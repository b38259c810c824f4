using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Progress;

/// <summary>An episode by its season and number, as clients name it.</summary>
public sealed record EpisodeNumber(int? Season, int? Episode);

/// <summary>
/// Body of <c>POST /api/watchlist/{id}/viewings</c>: for a show exactly one of one episode (<c>season</c> and
/// <c>episode</c>), a list (<c>episodes</c>), a whole season (<c>season</c> alone) or everything up to an episode
/// (<c>upTo</c>); for a movie none of them. <c>watchedAt</c> (not in the future) records a dated viewing, a rewatch
/// when the episode was watched before; without it the viewing is dated now and episodes already watched are left
/// as they are.
/// </summary>
public sealed record RecordViewingsRequest(
    int? Season,
    int? Episode,
    IReadOnlyList<EpisodeNumber>? Episodes,
    EpisodeNumber? UpTo,
    DateTimeOffset? WatchedAt);

/// <summary>
/// <c>GET /api/watchlist/{id}/progress</c> (and the answer to recording viewings): counts of aired regular episodes
/// (specials, season 0, are listed but not counted) and those watched, the next aired unwatched episode, and every
/// season's episodes. A movie has one "episode", itself, and no seasons.
/// </summary>
public sealed record ProgressResponse(
    string WatchlistEntryId,
    string MediaItemId,
    MediaType Type,
    WatchStatus Status,
    int Aired,
    int Completed,
    DateTimeOffset? LastWatchedAt,
    NextEpisodeResponse? NextEpisode,
    IReadOnlyList<SeasonProgressResponse> Seasons);

public sealed record NextEpisodeResponse(int Season, int Number, string? Name, DateOnly? AirDate);

public sealed record SeasonProgressResponse(int Number, string? Name, int Aired, int Completed, IReadOnlyList<EpisodeProgressResponse> Episodes);

/// <summary>One episode: <c>completed</c> once watched; <c>lastWatchedAt</c> the latest dated viewing.</summary>
public sealed record EpisodeProgressResponse(int Number, string? Name, DateOnly? AirDate, bool Aired, bool Completed, int Plays, DateTimeOffset? LastWatchedAt);
