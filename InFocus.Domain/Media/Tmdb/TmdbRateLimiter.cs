using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InFocus.Domain.Media.Tmdb;

/// <summary>
/// The app-wide budget of requests to TMDB, shared by every instance through PostgreSQL (every attempt, retries
/// included, takes a slot). Slots are spaced 1 / <see cref="TmdbOptions.RequestsPerSecond"/> apart (rounded up to the
/// microsecond), so no one-second window of slots ever holds more than the configured rate, whatever the number of
/// instances. One statement per request: an upsert of the <c>request_pacing</c> row <c>tmdb</c> that hands out the
/// slot at its <c>next_at</c> (or now, if that is past) and moves <c>next_at</c> one interval on, atomically under the
/// row lock; then the caller waits for its slot. The database's clock decides and the wait is relative to it, so
/// instances' clocks may differ. A slot that would leave less than one attempt's time
/// (<see cref="TmdbOptions.AttemptTimeout"/>) before the call's <see cref="TmdbOptions.TotalTimeout"/> is refused at
/// once (the caller gets a 503 with <c>Retry-After</c>) and the budget is not spent.
/// </summary>
public sealed class TmdbRateLimiter(NpgsqlDataSource dataSource, IOptions<TmdbOptions> options) : RateLimiter
{
    public const string PacingId = "tmdb";

    private const string TakeSlot = """
        INSERT INTO request_pacing AS p (id, next_at) VALUES (@id, clock_timestamp() + @interval)
        ON CONFLICT (id) DO UPDATE SET next_at = greatest(p.next_at, clock_timestamp()) + @interval
        WHERE p.next_at <= clock_timestamp() + @max_wait
        RETURNING extract(epoch FROM p.next_at - @interval - clock_timestamp())::float8
        """;

    private const string NextSlot = "SELECT extract(epoch FROM next_at - clock_timestamp())::float8 FROM request_pacing WHERE id = @id";

    private readonly TimeSpan _interval = TimeSpan.FromMicroseconds(Math.Ceiling(1_000_000.0 / options.Value.RequestsPerSecond));

    private TimeSpan MaxWait => options.Value.TotalTimeout - options.Value.AttemptTimeout;

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>A slot needs the database: only <see cref="RateLimiter.AcquireAsync"/> hands them out.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused(null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(TakeSlot, connection);
        command.Parameters.AddWithValue("id", PacingId);
        command.Parameters.AddWithValue("interval", _interval * permitCount);
        command.Parameters.AddWithValue("max_wait", MaxWait);
        if (await command.ExecuteScalarAsync(cancellationToken) is not double secondsToSlot)
        {
            command.CommandText = NextSlot;
            var secondsToNext = await command.ExecuteScalarAsync(cancellationToken) as double? ?? 0;
            return Lease.Refused(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(secondsToNext - MaxWait.TotalSeconds))));
        }

        await connection.CloseAsync();
        if (secondsToSlot > 0)
        {
            // Whole milliseconds, rounded up: a timer never fires before the slot.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(secondsToSlot * 1000)), cancellationToken);
        }

        return Lease.Granted;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static Lease Refused(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
