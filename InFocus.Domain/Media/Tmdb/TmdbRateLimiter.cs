using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Media.Tmdb;

/// <summary>
/// The process-wide budget of requests to TMDB (a singleton; every attempt, retries included, takes a token).
/// Tokens come in tenths of a second and the bucket holds a tenth of a second's worth, so no one-second window
/// ever sees more than about 1.1 × <see cref="TmdbOptions.RequestsPerSecond"/>. Callers queue for a token; a queue
/// longer than ten seconds of budget is refused at once.
/// </summary>
public sealed class TmdbRateLimiter : IDisposable
{
    public TmdbRateLimiter(IOptions<TmdbOptions> options)
    {
        var perSecond = options.Value.RequestsPerSecond;
        var tokensPerPeriod = Math.Max(1, perSecond / 10);
        Limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokensPerPeriod / perSecond),
            QueueLimit = perSecond * 10,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public RateLimiter Limiter { get; }

    public void Dispose() => Limiter.Dispose();
}
