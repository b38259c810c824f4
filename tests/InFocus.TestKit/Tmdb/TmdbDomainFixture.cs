namespace InFocus.TestKit.Tmdb;

/// <summary>
/// <see cref="DomainFixture"/> with a <see cref="FakeTmdbServer"/> the domain's TMDB client talks to, using
/// <see cref="FastClientSettings"/> so failure tests stay quick.
/// </summary>
public class TmdbDomainFixture : DomainFixture
{
    private FakeTmdbServer? _tmdb;

    /// <summary>
    /// Short timeouts and backoff, and a circuit breaker that tolerates the failures tests provoke (tests of the
    /// breaker itself lower <c>Tmdb__CircuitBreakerMinimumThroughput</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> FastClientSettings { get; } = new Dictionary<string, string?>
    {
        ["Tmdb__AttemptTimeout"] = "00:00:02",
        ["Tmdb__TotalTimeout"] = "00:00:06",
        ["Tmdb__RetryBaseDelay"] = "00:00:00.010",
        ["Tmdb__MaxRetryAfter"] = "00:00:01",
        ["Tmdb__CircuitBreakerMinimumThroughput"] = "10000",
    };

    public FakeTmdbServer Tmdb => _tmdb ?? throw new InvalidOperationException("The fixture is not initialized.");

    public override async Task InitializeAsync()
    {
        _tmdb = await FakeTmdbServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_tmdb is not null)
        {
            await _tmdb.DisposeAsync();
        }
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        foreach (var (key, value) in FastClientSettings.Concat(Tmdb.Settings))
        {
            settings[key] = value;
        }

        return settings;
    }
}
