using InFocus.Domain.Media.Tmdb;
using InFocus.TestKit;
using InFocus.TestKit.Tmdb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace InFocus.Domain.Tests.Media;

/// <summary>
/// The app's services (<c>AddInFocus</c>) pointed at a fake TMDB, fresh per test so each test gets its own circuit
/// breaker, and a database of its own for the app-wide rate limit (<see cref="TmdbRateLimiter"/>) unless it is given
/// another harness's database: two harnesses on one database are two instances of the app.
/// </summary>
internal sealed class TmdbClientHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsDatabase;

    private TmdbClientHarness(ServiceProvider services, string database, bool ownsDatabase)
    {
        _services = services;
        Database = database;
        _ownsDatabase = ownsDatabase;
    }

    public TmdbClient Client => _services.GetRequiredService<TmdbClient>();

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public string Database { get; }

    public static async Task<TmdbClientHarness> CreateAsync(
        FakeTmdbServer tmdb, IReadOnlyDictionary<string, string?>? overrides = null, string? sharedDatabase = null)
    {
        var database = sharedDatabase ?? await TestPostgres.CreateDatabaseAsync(nameof(TmdbClientHarness));
        var settings = new Dictionary<string, string?>(tmdb.TestHostSettings)
        {
            ["Database__ConnectionString"] = TestPostgres.ConnectionStringFor(database),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        services.AddInFocus(TestSettings.Build(settings));
        return new TmdbClientHarness(services.BuildServiceProvider(), database, sharedDatabase is null);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase)
        {
            await TestPostgres.DropDatabaseAsync(Database);
        }
    }
}
