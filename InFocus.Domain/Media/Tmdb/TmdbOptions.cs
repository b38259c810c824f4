using System.ComponentModel.DataAnnotations;

namespace InFocus.Domain.Media.Tmdb;

/// <summary>
/// Settings under <c>Tmdb</c> (app settings <c>Tmdb__ReadAccessToken</c>, ...). Without a token or key the catalog
/// still serves stored titles; everything that needs TMDB answers 503.
/// </summary>
public sealed class TmdbOptions
{
    public const string Section = "Tmdb";

    /// <summary>TMDB API v3 root; a trailing slash is added when missing.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.themoviedb.org/3/");

    /// <summary>v4 "API Read Access Token", sent as a bearer token. Preferred over <see cref="ApiKey"/>.</summary>
    public string? ReadAccessToken { get; set; }

    /// <summary>v3 API key, sent as the <c>api_key</c> query parameter when there is no read access token.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Root of TMDB's image CDN; image URLs are <c>{ImageBaseUrl}{size}{path}</c>.</summary>
    [Required]
    public Uri ImageBaseUrl { get; set; } = new("https://image.tmdb.org/t/p/");

    /// <summary>Providers older than this are refreshed by the timer job.</summary>
    [Range(1, 24 * 365)]
    public int ProviderMaxAgeHours { get; set; } = 24;

    /// <summary>Client-side limit on requests to TMDB for the whole process, under TMDB's ~50/s per IP.</summary>
    [Range(1, 45)]
    public int RequestsPerSecond { get; set; } = 40;

    /// <summary>Longest wait for one attempt before it is abandoned (and retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest wait for one call to TMDB, retries and waiting for the rate limit included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(8);

    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// A 429 or 503 asking to come back later than this is not retried: the caller gets a 503 with that Retry-After
    /// instead of waiting.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the circuit stays open (calls fail at once without reaching TMDB) after it breaks.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in the 30-second sampling window before the failure ratio (50%) can break the circuit.</summary>
    [Range(2, 10_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>Titles the refresh job selects per database round trip.</summary>
    [Range(1, 1_000)]
    public int RefreshBatchSize { get; set; } = 100;

    /// <summary>Titles refreshed at once; the rate limit still caps requests per second.</summary>
    [Range(1, 16)]
    public int RefreshParallelism { get; set; } = 4;

    /// <summary>The refresh job starts no new title after this; well under the function timeout (host.json).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:09:00")]
    public TimeSpan RefreshTimeBudget { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Seasons of shows still airing (or of unknown status) older than this are refreshed by RefreshShowSeasons.</summary>
    [Range(1, 24 * 30)]
    public int AiringSeasonsMaxAgeHours { get; set; } = 12;

    /// <summary>Seasons of ended or canceled shows older than this are refreshed by RefreshShowSeasons.</summary>
    [Range(1, 3650)]
    public int EndedSeasonsMaxAgeDays { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ReadAccessToken) || !string.IsNullOrWhiteSpace(ApiKey);

    public TimeSpan ProviderMaxAge => TimeSpan.FromHours(ProviderMaxAgeHours);
}
