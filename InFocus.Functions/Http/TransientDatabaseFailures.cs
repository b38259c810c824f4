using Microsoft.AspNetCore.Http;
using Npgsql;

namespace InFocus.Functions.Http;

/// <summary>
/// PostgreSQL unreachable, restarting or a pooled connection broken by a restart: the request cannot be served now (503
/// with Retry-After), but work that wrote nothing yet can safely run again at once. A restart breaks every idle pooled
/// connection; Npgsql discards the pool when one fails, so one more try gets a fresh connection and succeeds.
/// </summary>
internal static class TransientDatabaseFailures
{
    /// <summary>The pauses before the retries; none is started once <see cref="Budget"/> has passed.</summary>
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250)];

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>How long a client should wait before trying again while the database is unavailable.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>GET and HEAD only read (RFC 9110 safe methods), so their whole work may run again.</summary>
    public static bool IsSafe(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    /// <summary>
    /// Runs <paramref name="work"/>, again after a short pause when it fails transiently, while the budget lasts.
    /// Only for work that is safe to repeat: reads, or the reads a request makes before it writes anything.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await work(cancellationToken);
            }
            catch (Exception e) when (IsTransient(e) && attempt < Pauses.Length && TimeProvider.System.GetElapsedTime(started) < Budget)
            {
                await Task.Delay(Pauses[attempt], cancellationToken);
            }
        }
    }
}
