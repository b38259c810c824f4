using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InFocus.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace InFocus.Domain.Media.Tmdb;

/// <summary>
/// Typed client for the parts of TMDB API v3 InFocus uses. The resilience pipeline around its
/// <see cref="HttpClient"/> (see <see cref="TmdbHttpClientRegistration"/>) retries, times out, breaks the circuit and
/// rate-limits; this class turns what is left into domain errors: TMDB's 404 is a <see cref="NotFoundException"/>,
/// every other failure a <see cref="DependencyUnavailableException"/> (503) so titles already stored keep working.
/// </summary>
public sealed partial class TmdbClient(HttpClient http, IOptions<TmdbOptions> options, TimeProvider clock, ILogger<TmdbClient> logger)
{
    private const string Unavailable = "TMDB (The Movie Database) is unavailable right now; titles already in the catalog still work.";
    private const string NotConfigured = "TMDB (The Movie Database) is not configured on this server; titles already in the catalog still work.";
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    private TmdbOptions Options => options.Value;

    /// <summary>One page of search results; <see cref="MediaSearchType.All"/> uses <c>search/multi</c> (people included).</summary>
    public Task<TmdbSearchPage> SearchAsync(MediaSearchType type, string query, int page, CancellationToken cancellationToken)
    {
        var path = type switch
        {
            MediaSearchType.Movie => "search/movie",
            MediaSearchType.Tv => "search/tv",
            _ => "search/multi",
        };
        var pathAndQuery = string.Create(
            CultureInfo.InvariantCulture, $"{path}?query={Uri.EscapeDataString(query)}&page={page}&include_adult=false");
        return GetAsync<TmdbSearchPage>(pathAndQuery, "The search", cancellationToken);
    }

    /// <summary>
    /// The first page of <c>search/movie</c> for <paramref name="query"/>, only films first released in
    /// <paramref name="primaryReleaseYear"/> when it is given (how imports match titles without ids).
    /// </summary>
    public Task<TmdbSearchPage> SearchMoviesAsync(string query, int? primaryReleaseYear, CancellationToken cancellationToken)
    {
        var year = primaryReleaseYear is { } y ? string.Create(CultureInfo.InvariantCulture, $"&primary_release_year={y}") : "";
        return GetAsync<TmdbSearchPage>($"search/movie?query={Uri.EscapeDataString(query)}&include_adult=false{year}", "The search", cancellationToken);
    }

    /// <summary>The titles an IMDb id (<c>tt…</c>) names: <c>find/{imdb_id}?external_source=imdb_id</c>.</summary>
    public Task<TmdbFindResult> FindByImdbIdAsync(string imdbId, CancellationToken cancellationToken) =>
        GetAsync<TmdbFindResult>($"find/{Uri.EscapeDataString(imdbId)}?external_source=imdb_id", $"IMDb title {imdbId}", cancellationToken);

    /// <summary>
    /// A title's details, credits (movies; shows name creators in the details) and watch providers in one request.
    /// </summary>
    public Task<TmdbTitleDetails> GetDetailsAsync(MediaType type, int tmdbId, CancellationToken cancellationToken)
    {
        var append = type == MediaType.Movie ? "credits,watch/providers" : "watch/providers";
        var pathAndQuery = string.Create(CultureInfo.InvariantCulture, $"{PathOf(type, tmdbId)}?append_to_response={append}");
        return GetAsync<TmdbTitleDetails>(pathAndQuery, ResourceName(type, tmdbId), cancellationToken);
    }

    /// <summary>TMDB appends at most this many responses to one request.</summary>
    public const int MaxAppendedResponses = 20;

    /// <summary>
    /// A show's details with up to <see cref="MaxAppendedResponses"/> of its seasons appended (<c>season/{n}</c>), so
    /// refreshing a show already stored takes one request for its known seasons.
    /// </summary>
    public Task<TmdbTitleDetails> GetShowWithSeasonsAsync(int tmdbId, IEnumerable<int> seasonNumbers, CancellationToken cancellationToken)
    {
        var append = string.Join(',', seasonNumbers.Distinct().Take(MaxAppendedResponses).Select(n => string.Create(CultureInfo.InvariantCulture, $"season/{n}")));
        var pathAndQuery = append.Length == 0
            ? PathOf(MediaType.Tv, tmdbId)
            : string.Create(CultureInfo.InvariantCulture, $"{PathOf(MediaType.Tv, tmdbId)}?append_to_response={append}");
        return GetAsync<TmdbTitleDetails>(pathAndQuery, ResourceName(MediaType.Tv, tmdbId), cancellationToken);
    }

    /// <summary>One season of a show with its episodes (<c>tv/{id}/season/{n}</c>).</summary>
    public Task<TmdbSeason> GetSeasonAsync(int tmdbId, int seasonNumber, CancellationToken cancellationToken) =>
        GetAsync<TmdbSeason>(
            string.Create(CultureInfo.InvariantCulture, $"{PathOf(MediaType.Tv, tmdbId)}/season/{seasonNumber}"),
            string.Create(CultureInfo.InvariantCulture, $"Season {seasonNumber} of TMDB TV show {tmdbId}"),
            cancellationToken);

    /// <summary>Where a title streams, per region.</summary>
    public Task<TmdbWatchProviders> GetWatchProvidersAsync(MediaType type, int tmdbId, CancellationToken cancellationToken) =>
        GetAsync<TmdbWatchProviders>($"{PathOf(type, tmdbId)}/watch/providers", ResourceName(type, tmdbId), cancellationToken);

    /// <summary>
    /// Every streaming provider TMDB lists for movies or shows, across all regions (no <c>watch_region</c>, so one
    /// request covers every region; each provider names its regions in <c>display_priorities</c>).
    /// </summary>
    public Task<TmdbProviderCatalog> GetProviderCatalogAsync(MediaType type, CancellationToken cancellationToken) =>
        GetAsync<TmdbProviderCatalog>($"watch/providers/{SnakeCaseEnum<MediaType>.ToName(type)}", "TMDB's provider list", cancellationToken);

    private async Task<T> GetAsync<T>(string pathAndQuery, string resource, CancellationToken cancellationToken)
        where T : class
    {
        var path = pathAndQuery.Split('?', 2)[0];
        if (!Options.IsConfigured)
        {
            LogNotConfigured(logger, path);
            throw new DependencyUnavailableException(NotConfigured);
        }

        using var request = CreateRequest(pathAndQuery);
        using var response = await SendAsync(request, path, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return await ReadAsync<T>(response, path, cancellationToken);
        }

        throw await FailureAsync(response, path, resource, cancellationToken);
    }

    private HttpRequestMessage CreateRequest(string pathAndQuery)
    {
        if (!string.IsNullOrWhiteSpace(Options.ReadAccessToken))
        {
            return new HttpRequestMessage(HttpMethod.Get, pathAndQuery)
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Options.ReadAccessToken.Trim()) },
            };
        }

        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new HttpRequestMessage(HttpMethod.Get, $"{pathAndQuery}{separator}api_key={Uri.EscapeDataString(Options.ApiKey!.Trim())}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            LogCircuitOpen(logger, path);
            throw new DependencyUnavailableException(Unavailable, Options.CircuitBreakDuration, e);
        }
        catch (RateLimiterRejectedException e)
        {
            LogRateLimited(logger, path);
            throw new DependencyUnavailableException(Unavailable, e.RetryAfter ?? TimeSpan.FromSeconds(1), e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or IOException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, path, e);
            throw new DependencyUnavailableException(Unavailable, DefaultRetryAfter, e);
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(TmdbJson.Options, cancellationToken)
                ?? throw new JsonException("The response body is JSON null.");
        }
        catch (JsonException e)
        {
            LogUnreadable(logger, path, e);
            throw new DependencyUnavailableException(Unavailable, DefaultRetryAfter, e);
        }
    }

    private async Task<DomainException> FailureAsync(HttpResponseMessage response, string path, string resource, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var error = await ReadErrorAsync(response, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NotFound:
                return new NotFoundException(resource);
            case HttpStatusCode.Unauthorized:
                // Our credentials are wrong or revoked: an operator must fix the configuration; callers see a 503.
                LogCredentialsRejected(logger, path, error?.StatusCode, error?.StatusMessage);
                return new DependencyUnavailableException(Unavailable);
            case HttpStatusCode.TooManyRequests:
                var retryAfter = TmdbRetryAfter.Of(response, clock) ?? TimeSpan.FromSeconds(1);
                LogThrottled(logger, path, retryAfter.TotalSeconds);
                return new DependencyUnavailableException(Unavailable, retryAfter);
            default:
                LogFailed(logger, path, status, error?.StatusCode, error?.StatusMessage);
                return new DependencyUnavailableException(Unavailable, TmdbRetryAfter.Of(response, clock) ?? DefaultRetryAfter);
        }
    }

    private static async Task<TmdbError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TmdbError>(TmdbJson.Options, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private static string PathOf(MediaType type, int tmdbId) =>
        string.Create(CultureInfo.InvariantCulture, $"{SnakeCaseEnum<MediaType>.ToName(type)}/{tmdbId}");

    private static string ResourceName(MediaType type, int tmdbId) =>
        string.Create(CultureInfo.InvariantCulture, $"TMDB {(type == MediaType.Movie ? "movie" : "TV show")} {tmdbId}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB is not configured (set Tmdb__ReadAccessToken or Tmdb__ApiKey); {Path} was not requested")]
    private static partial void LogNotConfigured(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB circuit is open; {Path} was not requested")]
    private static partial void LogCircuitOpen(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB request budget exhausted; {Path} was not requested")]
    private static partial void LogRateLimited(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB did not answer {Path}")]
    private static partial void LogUnreachable(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB sent an unreadable response to {Path}")]
    private static partial void LogUnreadable(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "TMDB rejected InFocus's credentials for {Path} (TMDB status {TmdbStatus}: {TmdbMessage}); check Tmdb__ReadAccessToken / Tmdb__ApiKey")]
    private static partial void LogCredentialsRejected(ILogger logger, string path, int? tmdbStatus, string? tmdbMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB throttled {Path}; retry after {RetryAfterSeconds} s")]
    private static partial void LogThrottled(ILogger logger, string path, double retryAfterSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB answered {Path} with HTTP {Status} (TMDB status {TmdbStatus}: {TmdbMessage})")]
    private static partial void LogFailed(ILogger logger, string path, int status, int? tmdbStatus, string? tmdbMessage);
}
