using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace InFocus.Domain.Media.Tmdb;

/// <summary>
/// Registers <see cref="TmdbClient"/> on an <see cref="IHttpClientFactory"/> client whose resilience pipeline is,
/// outermost first: total timeout → retry (exponential backoff with jitter on 5xx, 408, 429, network errors and
/// attempt timeouts, honoring Retry-After up to <see cref="TmdbOptions.MaxRetryAfter"/>) → circuit breaker →
/// the shared rate limiter (so retries spend tokens too, and an open circuit spends none) → attempt timeout, which
/// covers reading the whole body (<see cref="TmdbResponseBuffering"/>).
/// </summary>
internal static class TmdbHttpClientRegistration
{
    public const string PipelineName = "tmdb";

    /// <summary>TMDB allows about 20 simultaneous connections per IP address.</summary>
    private const int MaxConnections = 20;

    private static readonly TimeSpan CircuitSamplingDuration = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddTmdbClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TmdbOptions>()
            .Bind(configuration.GetSection(TmdbOptions.Section))
            .PostConfigure(options =>
            {
                options.BaseUrl = WithTrailingSlash(options.BaseUrl);
                options.ImageBaseUrl = WithTrailingSlash(options.ImageBaseUrl);
            })
            .ValidateDataAnnotations()
            .Validate(o => IsHttpUrl(o.BaseUrl) && IsHttpUrl(o.ImageBaseUrl), "Tmdb:BaseUrl and Tmdb:ImageBaseUrl must be absolute http(s) URLs.")
            .Validate(o => o.TotalTimeout > o.AttemptTimeout, "Tmdb:TotalTimeout must be longer than Tmdb:AttemptTimeout.")
            .ValidateOnStart();

        services.TryAddSingleton<TmdbRateLimiter>();
        services.Configure<TelemetryOptions>(options => options.SeverityProvider = ResilienceEventSeverityOf);
        var client = services.AddHttpClient<TmdbClient>((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<TmdbOptions>>().Value.BaseUrl;
                // The pipeline's total timeout bounds every call; HttpClient's own timeout would only cut it short.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("InFocus", "1.0"));
            })
            // IHttpClientFactory's request logging puts raw header values (our bearer token) in its trace-level
            // structured state; TmdbClient logs what matters (path, status, TMDB's error) itself.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                MaxConnectionsPerServer = MaxConnections,
            });
        client.AddResilienceHandler(PipelineName, ConfigurePipeline);

        // Handlers added later run inside earlier ones: the body is read within the attempt timeout.
        client.AddHttpMessageHandler(() => new TmdbResponseBuffering());
        return services;
    }

    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<TmdbOptions>>().Value;
        var limiter = context.ServiceProvider.GetRequiredService<TmdbRateLimiter>();

        // Backoff and timeouts run on real time whatever clock the domain is given (tests fake the domain's clock).
        builder.TimeProvider = TimeProvider.System;
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryAfter)),
            });
        }

        builder
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                SamplingDuration = CircuitSamplingDuration,
                MinimumThroughput = options.CircuitBreakerMinimumThroughput,
                BreakDuration = options.CircuitBreakDuration,
            })
            .AddRateLimiter(limiter)
            .AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// A slow attempt or our own rate limiter turning a call away is an expected fault that the pipeline handles (a retry,
    /// a 503 with Retry-After): a warning, not the error level Polly gives it, which is kept for an opened circuit.
    /// </summary>
    private static ResilienceEventSeverity ResilienceEventSeverityOf(SeverityProviderArguments args) => args.Event.EventName switch
    {
        "OnTimeout" or "OnRateLimiterRejected" => ResilienceEventSeverity.Warning,
        _ => args.Event.Severity,
    };

    /// <summary>
    /// Transient failures are retried, except a response asking to come back later than we are willing to wait:
    /// then the caller gets the failure (a 503 carrying that Retry-After) at once.
    /// </summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter) =>
        HttpClientResiliencePredicates.IsTransient(outcome)
        && !(outcome.Result is { } response && TmdbRetryAfter.Of(response, TimeProvider.System) > maxRetryAfter);

    private static bool IsHttpUrl(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>Relative paths resolve under the base only when it ends with a slash.</summary>
    private static Uri WithTrailingSlash(Uri uri) =>
        !uri.IsAbsoluteUri || uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
