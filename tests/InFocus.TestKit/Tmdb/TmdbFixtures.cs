using System.Text.Json.Nodes;
using InFocus.Domain.Media;

namespace InFocus.TestKit.Tmdb;

/// <summary>
/// The titles <see cref="FakeTmdbServer"/> knows, recorded in TMDB's documented shapes (Tmdb/Fixtures/*.json):
/// details with <c>credits</c> and <c>watch/providers</c> appended, and a search index of movies, shows and people.
/// The seed titles carry their real metadata and a snapshot of their US/GB (and more) providers.
/// </summary>
public static class TmdbFixtures
{
    /// <summary>Movie, directed by David Fincher; providers in CA, DE, GB and US.</summary>
    public const int FightClub = 550;

    /// <summary>Movie, directed by Frank Darabont; rent/buy offers in GB and US.</summary>
    public const int ShawshankRedemption = 278;

    /// <summary>Movie (French comedy) with no streaming providers at all.</summary>
    public const int Rrrrrrr = 21778;

    /// <summary>
    /// TV show, created by Vince Gilligan; Netflix and purchase offers in GB and US. Ended: 5 seasons (7, 13, 13, 13
    /// and 16 episodes, 62 in all, the last aired 2013-09-29) and 3 specials in season 0.
    /// </summary>
    public const int BreakingBad = 1396;

    /// <summary>
    /// TV show still airing ("Returning Series"), on Apple TV+ in GB and US: season 1 (9 episodes, 2022), season 2
    /// (10, 2025) and season 3, weekly from 2026-01-09 (episodes 1–7), episode 8 with no air date yet.
    /// </summary>
    public const int Severance = 95396;

    /// <summary>Breaking Bad's IMDb id (the show's <c>find</c> result).</summary>
    public const string BreakingBadImdbId = "tt0903747";

    /// <summary>Fight Club's IMDb id (in its recorded details).</summary>
    public const string FightClubImdbId = "tt0137523";

    /// <summary>TV show, created by David Benioff and D.B. Weiss; providers in GB and US.</summary>
    public const int GameOfThrones = 1399;

    /// <summary>A TV show that appears in search results but whose details the fake does not have (404).</summary>
    public const int HouseOfTheDragon = 94997;

    /// <summary>People in the search index (left out of InFocus's results).</summary>
    public const int BradPitt = 287;

    /// <summary>The titles whose details the fake serves.</summary>
    public static IReadOnlyList<(MediaType Type, int Id)> Titles { get; } =
    [
        (MediaType.Movie, FightClub),
        (MediaType.Movie, ShawshankRedemption),
        (MediaType.Movie, Rrrrrrr),
        (MediaType.Tv, BreakingBad),
        (MediaType.Tv, GameOfThrones),
        (MediaType.Tv, Severance),
    ];

    /// <summary>The shows whose seasons the fake serves (<c>tv/{id}/season/{n}</c>).</summary>
    public static IReadOnlyList<int> ShowsWithSeasons { get; } = [BreakingBad, Severance];

    /// <summary>A title's recorded details (a fresh copy), as <c>movie/{id}</c> or <c>tv/{id}</c> with everything appended.</summary>
    public static JsonObject Details(MediaType type, int id) => Load($"{(type == MediaType.Movie ? "movie" : "tv")}-{id}.json");

    /// <summary>A show's recorded seasons (<c>tv/{id}/season/{n}</c> bodies, episodes included), fresh copies.</summary>
    public static IEnumerable<JsonObject> Seasons(int tvId) =>
        ((JsonArray)Load($"tv-{tvId}-seasons.json")["seasons"]!).Select(s => s!.AsObject().DeepClone().AsObject());

    /// <summary>The recorded search entries (<c>search/multi</c> result objects, <c>media_type</c> included).</summary>
    public static JsonArray SearchIndex() => (JsonArray)Load("search-index.json")["results"]!;

    /// <summary>
    /// <c>watch/providers</c> results in TMDB's shape from (region, TMDB offer list name such as <c>flatrate</c> or
    /// <c>rent</c>, provider id, provider name) tuples, for <see cref="FakeTmdbServer.SetWatchProviders"/>.
    /// </summary>
    public static JsonObject WatchProviders(params (string Region, string Offer, int ProviderId, string Name)[] offers)
    {
        var results = new JsonObject();
        foreach (var (region, offer, providerId, name) in offers)
        {
            var entry = results[region]?.AsObject();
            if (entry is null)
            {
                entry = new JsonObject { ["link"] = $"https://www.themoviedb.org/watch?locale={region}" };
                results[region] = entry;
            }

            var list = entry[offer]?.AsArray();
            if (list is null)
            {
                list = [];
                entry[offer] = list;
            }

            list.Add(new JsonObject
            {
                ["logo_path"] = $"/logo-{providerId}.jpg",
                ["provider_id"] = providerId,
                ["provider_name"] = name,
                ["display_priority"] = list.Count,
            });
        }

        return results;
    }

    /// <summary>
    /// <c>watch/providers/movie|tv</c> results in TMDB's shape from (provider id, name, regions) tuples, for
    /// <see cref="FakeTmdbServer.SetProviderCatalog"/>.
    /// </summary>
    public static JsonArray ProviderCatalog(params (int ProviderId, string Name, string[] Regions)[] providers)
    {
        var results = new JsonArray();
        foreach (var (providerId, name, regions) in providers)
        {
            var priorities = new JsonObject();
            foreach (var region in regions)
            {
                priorities[region] = results.Count;
            }

            results.Add(new JsonObject
            {
                ["display_priorities"] = priorities,
                ["display_priority"] = results.Count,
                ["logo_path"] = $"/logo-{providerId}.jpg",
                ["provider_name"] = name,
                ["provider_id"] = providerId,
            });
        }

        return results;
    }

    private static JsonObject Load(string name)
    {
        using var stream = typeof(TmdbFixtures).Assembly.GetManifestResourceStream($"tmdb/{name}")
            ?? throw new InvalidOperationException($"No TMDB fixture named {name}.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
