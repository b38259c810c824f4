using InFocus.Domain.Media.Tmdb;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace InFocus.Domain.Tests.Media;

/// <summary>
/// The app's services (<c>AddInFocus</c>) pointed at a fake TMDB, fresh per test so each test gets its own circuit
/// breaker and rate limiter. No database is touched.
/// </summary>
internal sealed class TmdbClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TmdbClientHarness(ServiceProvider services) => _services = services;

    public TmdbClient Client => _services.GetRequiredService<TmdbClient>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public static TmdbClientHarness Create(FakeTmdbServer tmdb, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(tmdb.TestHostSettings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        services.AddInFocus(TestSettings.Build(settings));
        return new TmdbClientHarness(services.BuildServiceProvider());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
