using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using InFocus.Domain.Media;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.TestKit.Tmdb;

/// <summary>
/// A stand-in for TMDB API v3 on 127.0.0.1 (a free port), for every test that needs TMDB, end-to-end tests included
/// (point <c>Tmdb__BaseUrl</c> at <see cref="BaseUrl"/>; <see cref="Settings"/> has the lot). It serves the recorded
/// <see cref="TmdbFixtures"/> for <c>search/multi|movie|tv</c>, <c>movie|tv/{id}</c> (honoring
/// <c>append_to_response</c>) and <c>movie|tv/{id}/watch/providers</c> and <c>tv/{id}/season/{n}</c>, checks credentials (bearer read access token
/// or <c>api_key</c>) like TMDB, records every request, and can be scripted to fail: per path
/// (<see cref="Script"/>) or for everything (<see cref="StartOutage"/>).
/// </summary>
/// <remarks>
/// Search matches an entry when every word of the query appears in its title or name; a person also matches through
/// the titles they are known for, so people show up among titles as they do on TMDB.
/// </remarks>
public sealed class FakeTmdbServer : IAsyncDisposable
{
    public const string ReadAccessToken = "fake-tmdb-read-access-token";
    public const string ApiKey = "fake-tmdb-api-key";
    public const int PageSize = 20;
    public const int MaxPage = 500;

    private readonly WebApplication _app;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<(MediaType, int), JsonObject> _titles = new();
    private readonly ConcurrentDictionary<(int, int), JsonObject> _seasons = new();
    private readonly JsonArray _searchIndex = TmdbFixtures.SearchIndex();
    private readonly ConcurrentDictionary<(MediaType, int), JsonObject> _addedSearchEntries = new();
    private readonly ConcurrentDictionary<string, JsonObject> _imdbIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeTmdbReply>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeTmdbRequest> _requests = new();
    private readonly ConcurrentDictionary<MediaType, JsonArray> _providerCatalogs = new();
    private volatile FakeTmdbReply? _outage;

    private FakeTmdbServer(WebApplication app)
    {
        _app = app;
        foreach (var (type, id) in TmdbFixtures.Titles)
        {
            var details = TmdbFixtures.Details(type, id);
            _titles[(type, id)] = details;
            if ((string?)details["imdb_id"] is { Length: > 0 } imdb)
            {
                _imdbIds[imdb] = FindResult(type, details);
            }
        }

        foreach (var id in TmdbFixtures.ShowsWithSeasons)
        {
            foreach (var season in TmdbFixtures.Seasons(id))
            {
                _seasons[(id, (int)season["season_number"]!)] = season;
            }
        }
        _imdbIds[TmdbFixtures.BreakingBadImdbId] = FindResult(MediaType.Tv, _titles[(MediaType.Tv, TmdbFixtures.BreakingBad)]);
    }

    /// <summary>A delay before every answer (for benchmarks: TMDB's latency as seen from Azure).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Adds a title the fake then serves like the recorded ones: its details (no providers), a search entry (movies by
    /// <c>primary_release_year</c> too) and, with <paramref name="imdbId"/>, a <c>find</c> result.
    /// </summary>
    public void AddTitle(MediaType type, int id, string title, string date, string? imdbId = null)
    {
        var movie = type == MediaType.Movie;
        var details = new JsonObject
        {
            ["id"] = id,
            [movie ? "title" : "name"] = title,
            [movie ? "original_title" : "original_name"] = title,
            ["overview"] = $"{title} (a test title).",
            [movie ? "release_date" : "first_air_date"] = date,
            ["genres"] = new JsonArray(),
            ["vote_average"] = 7.0,
            ["vote_count"] = 100,
            ["imdb_id"] = imdbId,
            ["credits"] = new JsonObject { ["crew"] = new JsonArray() },
            ["created_by"] = new JsonArray(),
            ["watch/providers"] = new JsonObject { ["results"] = new JsonObject() },
        };
        _titles[(type, id)] = details;
        var entry = new JsonObject
        {
            ["id"] = id,
            ["media_type"] = movie ? "movie" : "tv",
            [movie ? "title" : "name"] = title,
            [movie ? "original_title" : "original_name"] = title,
            ["overview"] = details["overview"]!.DeepClone(),
            ["poster_path"] = null,
            [movie ? "release_date" : "first_air_date"] = date,
        };
        _addedSearchEntries[(type, id)] = entry;
        if (imdbId is not null)
        {
            _imdbIds[imdbId] = FindResult(type, details);
        }
    }

    /// <summary>An IMDb episode id that <c>find</c> resolves to an episode of <paramref name="showId"/>.</summary>
    public void AddEpisode(string imdbId, int showId, int season, int episode) =>
        _imdbIds[imdbId] = new JsonObject
        {
            ["movie_results"] = new JsonArray(),
            ["tv_results"] = new JsonArray(),
            ["tv_episode_results"] = new JsonArray(new JsonObject
            {
                ["id"] = (showId * 1000) + (season * 100) + episode,
                ["show_id"] = showId,
                ["season_number"] = season,
                ["episode_number"] = episode,
            }),
        };

    private static JsonObject FindResult(MediaType type, JsonObject details)
    {
        var movie = type == MediaType.Movie;
        var result = new JsonObject
        {
            ["id"] = details["id"]!.DeepClone(),
            [movie ? "title" : "name"] = details[movie ? "title" : "name"]?.DeepClone(),
            [movie ? "release_date" : "first_air_date"] = details[movie ? "release_date" : "first_air_date"]?.DeepClone(),
        };
        return new JsonObject
        {
            ["movie_results"] = movie ? new JsonArray(result) : new JsonArray(),
            ["tv_results"] = movie ? new JsonArray() : new JsonArray(result),
            ["tv_episode_results"] = new JsonArray(),
        };
    }

    /// <summary>The API root, like <c>https://api.themoviedb.org/3/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>App settings that point InFocus at this server with valid credentials.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Tmdb__BaseUrl"] = BaseUrl.AbsoluteUri,
        ["Tmdb__ReadAccessToken"] = ReadAccessToken,
        ["Tmdb__ApiKey"] = "",
    };

    /// <summary>
    /// Client settings for tests: short timeouts and backoff, and a circuit breaker that tolerates the failures tests
    /// provoke (tests of the breaker itself lower <c>Tmdb__CircuitBreakerMinimumThroughput</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> FastClientSettings { get; } = new Dictionary<string, string?>
    {
        ["Tmdb__AttemptTimeout"] = "00:00:02",
        ["Tmdb__TotalTimeout"] = "00:00:06",
        ["Tmdb__RetryBaseDelay"] = "00:00:00.010",
        ["Tmdb__MaxRetryAfter"] = "00:00:01",
        ["Tmdb__CircuitBreakerMinimumThroughput"] = "10000",
    };

    /// <summary><see cref="Settings"/> and <see cref="FastClientSettings"/> together: what a test's host is given.</summary>
    public IReadOnlyDictionary<string, string?> TestHostSettings => FastClientSettings.Concat(Settings).ToDictionary();

    public IReadOnlyList<FakeTmdbRequest> Requests => _requests.ToArray();

    /// <summary>The server's clock now, in the time base of <see cref="FakeTmdbRequest.ReceivedAt"/>.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Called with each request as it arrives (for example to move a fake clock).</summary>
    public Action<FakeTmdbRequest>? OnRequest { get; set; }

    public static async Task<FakeTmdbServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeTmdbServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri($"{address.TrimEnd('/')}/3/");
        return server;
    }

    /// <summary>The next requests to <paramref name="path"/> (<c>movie/550</c>) get <paramref name="replies"/>, in order; then normal answers resume.</summary>
    public void Script(string path, params FakeTmdbReply[] replies)
    {
        var queue = _scripts.GetOrAdd(path, _ => new ConcurrentQueue<FakeTmdbReply>());
        foreach (var reply in replies)
        {
            queue.Enqueue(reply);
        }
    }

    /// <summary>Every request gets <paramref name="reply"/> until <see cref="EndOutage"/> (for "TMDB is down").</summary>
    public void StartOutage(FakeTmdbReply reply) => _outage = reply;

    public void EndOutage() => _outage = null;

    /// <summary>Replaces a title's <c>watch/providers</c> results (<c>{"US": {"link": ..., "flatrate": [...]}}</c>).</summary>
    public void SetWatchProviders(MediaType type, int id, JsonObject results)
    {
        var details = (JsonObject)_titles[(type, id)].DeepClone();
        details["watch/providers"] = new JsonObject { ["results"] = results };
        _titles[(type, id)] = details;
    }

    /// <summary>
    /// Replaces (or adds) season <c>season_number</c> of show <paramref name="tvId"/>, a <c>tv/{id}/season/{n}</c> body,
    /// and lists it in the show's <c>seasons</c> (for example to air a new episode).
    /// </summary>
    public void SetSeason(int tvId, JsonObject season)
    {
        var number = (int)season["season_number"]!;
        _seasons[(tvId, number)] = (JsonObject)season.DeepClone();
        var details = (JsonObject)_titles[(MediaType.Tv, tvId)].DeepClone();
        var summaries = details["seasons"] as JsonArray ?? [];
        var summary = new JsonObject
        {
            ["air_date"] = season["air_date"]?.DeepClone(),
            ["episode_count"] = (season["episodes"] as JsonArray)?.Count ?? 0,
            ["id"] = tvId * 100 + number,
            ["name"] = season["name"]?.DeepClone(),
            ["season_number"] = number,
        };
        var existing = summaries.FirstOrDefault(s => (int?)s?["season_number"] == number);
        if (existing is not null)
        {
            summaries.Remove(existing);
        }

        summaries.Add(summary);
        details["seasons"] = summaries.DeepClone();
        _titles[(MediaType.Tv, tvId)] = details;
    }

    /// <summary>
    /// Replaces <c>watch/providers/movie</c> or <c>/tv</c> (by default every provider the titles' offers name, with
    /// their regions), for example with <see cref="TmdbFixtures.ProviderCatalog"/>.
    /// </summary>
    public void SetProviderCatalog(MediaType type, JsonArray results) => _providerCatalogs[type] = results;

    /// <summary>Back to the default provider lists (those the titles' offers name).</summary>
    public void ResetProviderCatalogs() => _providerCatalogs.Clear();

    /// <summary>The title disappears from TMDB (404 from then on).</summary>
    public void RemoveTitle(MediaType type, int id) => _titles.TryRemove((type, id), out _);

    public IReadOnlyList<FakeTmdbRequest> RequestsTo(string path) =>
        _requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal)).ToList();

    public void ClearRequests() => _requests.Clear();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = (request.Path.Value ?? "").TrimStart('/');
        path = path.StartsWith("3/", StringComparison.Ordinal) ? path[2..] : $"?{path}";
        var authorization = request.Headers.Authorization.ToString();
        var received = new FakeTmdbRequest(
            request.Method, path, request.QueryString.Value ?? "", authorization.Length == 0 ? null : authorization, _clock.Elapsed);
        _requests.Enqueue(received);
        OnRequest?.Invoke(received);
        if (Latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Latency, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (!IsAuthenticated(request, authorization))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, null);
            return;
        }

        var reply = _outage ?? (_scripts.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next : null);
        if (reply is not null && !await PlayAsync(context, reply))
        {
            return;
        }

        var (status, body) = Answer(path, request.Query);
        if (body is null)
        {
            await WriteErrorAsync(context, status, null);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Plays a scripted reply; true when the normal answer should follow.</summary>
    private static async Task<bool> PlayAsync(HttpContext context, FakeTmdbReply reply)
    {
        try
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        if (reply.Disconnect)
        {
            context.Abort();
            return false;
        }

        if (reply.StatusCode is { } status)
        {
            await WriteErrorAsync(context, status, reply.RetryAfter);
            return false;
        }

        if (reply.BodyStall is { } stall)
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync("{\"id\": 550, ", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try
            {
                await Task.Delay(stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return false;
            }

            context.Abort();
            return false;
        }

        if (reply.MalformedJson)
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            await context.Response.WriteAsync("{\"id\": 550, \"title\": \"Fight Cl", context.RequestAborted);
            return false;
        }

        return true;
    }

    private static bool IsAuthenticated(HttpRequest request, string authorization) =>
        authorization == $"Bearer {ReadAccessToken}" || request.Query["api_key"] == ApiKey;

    private (int Status, JsonNode? Body) Answer(string path, IQueryCollection query)
    {
        var segments = path.Split('/');
        return segments switch
        {
            ["search", "multi" or "movie" or "tv"] => Search(segments[1], query),
            ["watch", "providers", "movie" or "tv"] => (200, ProviderCatalog(segments[2] == "movie" ? MediaType.Movie : MediaType.Tv, query["watch_region"].ToString())),
            ["find", var externalId] => Find(externalId, query),
            [var kind, var id] when TryTitle(kind, id, out var details) => (200, WithAppended(details, id, query["append_to_response"].ToString())),
            ["tv", var id, "season", var number] when TrySeason(id, number, out var season) => (200, season.DeepClone()),
            [var kind, var id, "watch", "providers"] when TryTitle(kind, id, out var details) =>
                (200, new JsonObject { ["id"] = details["id"]!.DeepClone(), ["results"] = details["watch/providers"]?["results"]?.DeepClone() ?? new JsonObject() }),
            _ => (404, null),
        };
    }

    private bool TrySeason(string id, string number, out JsonObject season)
    {
        season = null!;
        return int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var tvId)
            && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var seasonNumber)
            && _titles.ContainsKey((MediaType.Tv, tvId))
            && _seasons.TryGetValue((tvId, seasonNumber), out season!);
    }

    /// <summary>
    /// TMDB's provider list for a type: each provider with <c>display_priorities</c> per region; with
    /// <c>watch_region</c>, only the providers of that region.
    /// </summary>
    private JsonObject ProviderCatalog(MediaType type, string region)
    {
        var results = _providerCatalogs.TryGetValue(type, out var set) ? (JsonArray)set.DeepClone() : ProvidersOfTitles(type);
        var listed = results
            .Select(p => p!.AsObject())
            .Where(p => region.Length == 0 || p["display_priorities"]?[region] is not null)
            .Select(p => p.DeepClone())
            .ToArray();
        return new JsonObject { ["results"] = new JsonArray(listed) };
    }

    private JsonArray ProvidersOfTitles(MediaType type)
    {
        var providers = new SortedDictionary<int, (string Name, string? Logo, SortedSet<string> Regions)>();
        foreach (var ((titleType, _), details) in _titles)
        {
            if (titleType != type || details["watch/providers"]?["results"] is not JsonObject regions)
            {
                continue;
            }

            foreach (var (region, offers) in regions)
            {
                foreach (var list in new[] { "flatrate", "free", "ads", "rent", "buy" })
                {
                    foreach (var provider in offers?[list]?.AsArray() ?? [])
                    {
                        var id = (int)provider!["provider_id"]!;
                        if (!providers.TryGetValue(id, out var entry))
                        {
                            entry = ((string)provider["provider_name"]!, (string?)provider["logo_path"], new SortedSet<string>(StringComparer.Ordinal));
                            providers[id] = entry;
                        }

                        entry.Regions.Add(region);
                    }
                }
            }
        }

        return TmdbFixtures.ProviderCatalog(providers.Select(p => (p.Key, p.Value.Name, p.Value.Regions.ToArray())).ToArray());
    }

    /// <summary><c>find/{external_id}?external_source=imdb_id</c>: empty result lists for an unknown id, as TMDB answers.</summary>
    private (int Status, JsonNode? Body) Find(string externalId, IQueryCollection query)
    {
        if (query["external_source"] != "imdb_id")
        {
            return (400, new JsonObject { ["errors"] = new JsonArray("external_source must be provided") });
        }

        return _imdbIds.TryGetValue(externalId, out var found)
            ? (200, found.DeepClone())
            : (200, new JsonObject { ["movie_results"] = new JsonArray(), ["tv_results"] = new JsonArray(), ["tv_episode_results"] = new JsonArray() });
    }

    private bool TryTitle(string kind, string id, out JsonObject details)
    {
        details = null!;
        MediaType? type = kind switch { "movie" => MediaType.Movie, "tv" => MediaType.Tv, _ => null };
        return type is not null
            && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var tmdbId)
            && _titles.TryGetValue((type.Value, tmdbId), out details!);
    }

    /// <summary>
    /// TMDB includes appended responses only when asked: drop those not named in <c>append_to_response</c>, and add the
    /// <c>season/{n}</c> ones (a show's seasons; TMDB appends at most 20 responses).
    /// </summary>
    private JsonObject WithAppended(JsonObject details, string id, string append)
    {
        var requested = append.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var copy = (JsonObject)details.DeepClone();
        foreach (var appended in new[] { "credits", "watch/providers" }.Where(a => !requested.Contains(a, StringComparer.Ordinal)))
        {
            copy.Remove(appended);
        }

        foreach (var season in requested.Where(a => a.StartsWith("season/", StringComparison.Ordinal)).Take(20))
        {
            if (TrySeason(id, season["season/".Length..], out var body))
            {
                copy[season] = body.DeepClone();
            }
        }

        return copy;
    }

    private (int Status, JsonNode? Body) Search(string kind, IQueryCollection query)
    {
        var text = query["query"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (422, new JsonObject { ["errors"] = new JsonArray("query must be provided") });
        }

        var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        if (page is < 1 or > MaxPage)
        {
            return (400, new JsonObject { ["errors"] = new JsonArray($"page must be less than or equal to {MaxPage}") });
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var year = kind == "movie" ? query["primary_release_year"].ToString() : "";
        var matches = _searchIndex
            .Select(e => e!.AsObject())
            .Concat(_addedSearchEntries.OrderBy(e => e.Key.Item2).Select(e => e.Value))
            .Where(e => kind == "multi" || (string?)e["media_type"] == kind)
            .Where(e => year.Length == 0 || ((string?)e["release_date"])?.StartsWith(year + "-", StringComparison.Ordinal) == true)
            .Where(e => Matches(e, words))
            .Select(e => kind == "multi" ? e.DeepClone() : WithoutMediaType(e))
            .ToList();
        var results = new JsonArray(matches.Skip((page - 1) * PageSize).Take(PageSize).ToArray());
        return (200, new JsonObject
        {
            ["page"] = page,
            ["results"] = results,
            ["total_pages"] = Math.Max(1, (matches.Count + PageSize - 1) / PageSize),
            ["total_results"] = matches.Count,
        });
    }

    private static bool Matches(JsonObject entry, string[] words)
    {
        var names = new[] { "title", "name", "original_title", "original_name" }.Select(n => (string?)entry[n]).OfType<string>().ToList();
        if (entry["known_for"] is JsonArray knownFor)
        {
            names.AddRange(knownFor.Select(k => (string?)k?["title"] ?? (string?)k?["name"]).OfType<string>());
        }

        return names.Any(name => words.All(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    private static JsonObject WithoutMediaType(JsonObject entry)
    {
        var copy = (JsonObject)entry.DeepClone();
        copy.Remove("media_type");
        return copy;
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, TimeSpan? retryAfter)
    {
        var (code, message) = status switch
        {
            401 => (7, "Invalid API key: You must be granted a valid key."),
            404 => (34, "The resource you requested could not be found."),
            429 => (25, "Your request count (#) is over the allowed limit of (40)."),
            503 => (9, "Service offline."),
            _ => (11, "Internal error: Something went wrong, contact TMDB."),
        };
        context.Response.StatusCode = status;
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json;charset=utf-8";
        var body = new JsonObject { ["success"] = false, ["status_code"] = code, ["status_message"] = message };
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
