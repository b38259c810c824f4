using InFocus.TestKit;

namespace InFocus.Soak;

/// <summary>
/// The soak's database: a clone of the migrated template on the shared PostgreSQL, or, for an outage scenario, a
/// migrated database on a PostgreSQL server of the soak's own, which it can stop and start.
/// </summary>
public sealed class SoakDatabase : IAsyncDisposable
{
    private readonly TemporaryPostgresServer? _server;
    private readonly string? _database;

    private SoakDatabase(string connectionString, TemporaryPostgresServer? server, string? database)
    {
        ConnectionString = connectionString;
        _server = server;
        _database = database;
    }

    public string ConnectionString { get; }

    public static async Task<SoakDatabase> CreateAsync(bool ownServer)
    {
        if (!ownServer)
        {
            var database = await TestPostgres.CreateDatabaseAsync("soak");
            return new SoakDatabase(TestPostgres.ConnectionStringFor(database), server: null, database);
        }

        var server = await TemporaryPostgresServer.CreateAsync();
        await TestPostgres.MigrateAsync(server.ConnectionString());
        return new SoakDatabase(server.ConnectionString(), server, database: null);
    }

    public Task StopAsync() => (_server ?? throw new InvalidOperationException("Only a server of the soak's own stops.")).StopAsync();

    public Task StartAsync() => (_server ?? throw new InvalidOperationException("Only a server of the soak's own starts.")).StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_database is not null)
        {
            await TestPostgres.DropDatabaseAsync(_database);
        }
    }
}
