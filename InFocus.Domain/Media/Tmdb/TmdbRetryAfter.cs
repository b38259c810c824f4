namespace InFocus.Domain.Media.Tmdb;

/// <summary>Reads <c>Retry-After</c> (RFC 9110: seconds or an HTTP date) from a TMDB response.</summary>
internal static class TmdbRetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider clock)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
