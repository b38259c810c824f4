namespace InFocus.TestKit.Tmdb;

/// <summary>
/// A scripted answer of <see cref="FakeTmdbServer"/> in place of its normal one: an error status with TMDB's error
/// body (and optionally <c>Retry-After</c>), a delay before the normal answer, a malformed body, a body that stops
/// after its first bytes, or a dropped connection.
/// </summary>
public sealed record FakeTmdbReply
{
    public int? StatusCode { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Waited before answering (normally, or with <see cref="StatusCode"/>).</summary>
    public TimeSpan Delay { get; init; }

    public bool MalformedJson { get; init; }

    public bool Disconnect { get; init; }

    /// <summary>How long the body stalls after its headers and first bytes were sent (then the connection is dropped).</summary>
    public TimeSpan? BodyStall { get; init; }

    /// <summary>TMDB's error for the status: 401 invalid key (7), 404 not found (34), 429 over the limit (25), else internal error (11).</summary>
    public static FakeTmdbReply Status(int statusCode, TimeSpan? retryAfter = null) => new() { StatusCode = statusCode, RetryAfter = retryAfter };

    public static FakeTmdbReply TooManyRequests(TimeSpan retryAfter) => Status(429, retryAfter);

    /// <summary>The normal answer, after <paramref name="delay"/>.</summary>
    public static FakeTmdbReply Slow(TimeSpan delay) => new() { Delay = delay };

    /// <summary>200 with a truncated JSON body.</summary>
    public static FakeTmdbReply Malformed() => new() { MalformedJson = true };

    /// <summary>200 and the first bytes of the body at once, then nothing for <paramref name="stall"/> (a server that hangs mid-answer).</summary>
    public static FakeTmdbReply StalledBody(TimeSpan stall) => new() { BodyStall = stall };

    /// <summary>The connection is dropped without an answer (a network failure).</summary>
    public static FakeTmdbReply Dropped() => new() { Disconnect = true };
}
