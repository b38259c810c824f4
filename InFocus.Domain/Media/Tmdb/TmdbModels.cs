using System.Text.Json;
using System.Text.Json.Serialization;

namespace InFocus.Domain.Media.Tmdb;

// The subset of TMDB API v3 response shapes InFocus reads (developer.themoviedb.org reference). Members are
// nullable where TMDB omits or nulls them; dates stay strings because TMDB sends "" for unknown dates.

/// <summary>One page of <c>search/multi</c>, <c>search/movie</c> or <c>search/tv</c>.</summary>
public sealed record TmdbSearchPage(int Page, IReadOnlyList<TmdbSearchResult>? Results, int TotalPages, int TotalResults);

/// <summary>
/// A search hit. Movies carry <c>title</c>/<c>release_date</c>, shows <c>name</c>/<c>first_air_date</c>;
/// <c>media_type</c> (movie, tv or person) is present in <c>search/multi</c> only.
/// </summary>
public sealed record TmdbSearchResult(
    int Id,
    string? MediaType,
    string? Title,
    string? Name,
    string? Overview,
    string? PosterPath,
    string? ReleaseDate,
    string? FirstAirDate,
    string? OriginalTitle = null);

/// <summary>
/// <c>find/{external_id}?external_source=imdb_id</c>: the titles an IMDb id names (an episode names its show in
/// <c>show_id</c>).
/// </summary>
public sealed record TmdbFindResult(
    IReadOnlyList<TmdbSearchResult>? MovieResults,
    IReadOnlyList<TmdbSearchResult>? TvResults,
    IReadOnlyList<TmdbFoundEpisode>? TvEpisodeResults);

public sealed record TmdbFoundEpisode(int Id, int ShowId, int? SeasonNumber, int? EpisodeNumber);

/// <summary>
/// <c>movie/{id}</c> or <c>tv/{id}</c> with <c>append_to_response</c>: movies bring <c>credits</c>, shows their
/// <c>created_by</c>, both <c>watch/providers</c>.
/// </summary>
public sealed record TmdbTitleDetails(
    int Id,
    string? Title,
    string? Name,
    string? Overview,
    string? PosterPath,
    string? BackdropPath,
    string? ReleaseDate,
    string? FirstAirDate,
    decimal? VoteAverage,
    int? VoteCount,
    decimal? Popularity,
    int? Runtime,
    IReadOnlyList<int>? EpisodeRunTime,
    IReadOnlyList<TmdbGenre>? Genres,
    IReadOnlyList<TmdbPerson>? CreatedBy,
    TmdbCredits? Credits,
    string? Status,
    IReadOnlyList<TmdbSeasonSummary>? Seasons,
    [property: JsonPropertyName("watch/providers")] TmdbWatchProviders? WatchProviders)
{
    /// <summary>Other members, among them the seasons appended as <c>season/{n}</c> (see <see cref="AppendedSeason"/>).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Appended { get; init; }

    /// <summary>Season <paramref name="number"/> when it was appended (<c>append_to_response=season/{n}</c>), else null.</summary>
    public TmdbSeason? AppendedSeason(int number) =>
        Appended is not null && Appended.TryGetValue($"season/{number}", out var season) && season.ValueKind == JsonValueKind.Object
            ? season.Deserialize<TmdbSeason>(TmdbJson.Options)
            : null;
}

/// <summary>A season as <c>tv/{id}</c> lists it (no episodes).</summary>
public sealed record TmdbSeasonSummary(int SeasonNumber, string? Name, string? AirDate, int? EpisodeCount);

/// <summary><c>tv/{id}/season/{n}</c>: the season with its episodes.</summary>
public sealed record TmdbSeason(int SeasonNumber, string? Name, string? AirDate, IReadOnlyList<TmdbEpisode>? Episodes);

public sealed record TmdbEpisode(int EpisodeNumber, int SeasonNumber, string? Name, string? AirDate, int? Runtime, string? StillPath);

public sealed record TmdbGenre(int Id, string? Name);

public sealed record TmdbPerson(int Id, string? Name);

public sealed record TmdbCredits(IReadOnlyList<TmdbCrewMember>? Crew);

public sealed record TmdbCrewMember(int Id, string? Name, string? Job);

/// <summary><c>watch/providers</c>: offers per ISO 3166-1 region code (JustWatch data).</summary>
public sealed record TmdbWatchProviders(IReadOnlyDictionary<string, TmdbRegionProviders>? Results);

/// <summary>
/// One region's offers. <c>link</c> is TMDB's watch page for the title in that region; TMDB gives no per-provider links.
/// </summary>
public sealed record TmdbRegionProviders(
    string? Link,
    IReadOnlyList<TmdbProvider>? Flatrate,
    IReadOnlyList<TmdbProvider>? Free,
    IReadOnlyList<TmdbProvider>? Ads,
    IReadOnlyList<TmdbProvider>? Rent,
    IReadOnlyList<TmdbProvider>? Buy);

public sealed record TmdbProvider(int ProviderId, string? ProviderName, string? LogoPath, int? DisplayPriority);

/// <summary>
/// <c>watch/providers/movie</c> or <c>watch/providers/tv</c>: every streaming provider TMDB knows for that type,
/// with its display priority in each region that has it (the keys of <c>display_priorities</c>).
/// </summary>
public sealed record TmdbProviderCatalog(IReadOnlyList<TmdbCatalogProvider>? Results);

public sealed record TmdbCatalogProvider(
    int ProviderId,
    string? ProviderName,
    string? LogoPath,
    int? DisplayPriority,
    IReadOnlyDictionary<string, int>? DisplayPriorities);

/// <summary>TMDB's error body: <c>{"status_code": 34, "status_message": "...", "success": false}</c>.</summary>
public sealed record TmdbError(int? StatusCode, string? StatusMessage);

internal static class TmdbJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 16,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
