using System.Data.Common;
using Azure.Core;
using Azure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InFocus.Domain.Data;

public static class DatabaseServiceCollectionExtensions
{
    private static readonly string[] PostgresScopes = ["https://ossrdbms-aad.database.windows.net/.default"];

    public static IServiceCollection AddInFocusDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(provider => CreateDataSource(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        // Interceptors registered in the container (tests count SQL statements with one; singletons) apply to every
        // context. Contexts are pooled: a request reuses a reset one instead of building its services anew
        // (docs/performance.md, "Light reads").
        services.AddDbContextPool<InFocusDbContext>((provider, options) =>
            Configure(options, provider.GetRequiredService<NpgsqlDataSource>()).AddInterceptors(provider.GetServices<IInterceptor>()));
        return services;
    }

    /// <summary>
    /// The one place EF is told how to talk to PostgreSQL; tests and tools use it too.
    /// <para>
    /// EF logs every failed command, save, query and connection at error level with the exception, before the
    /// exception reaches InFocus. Most are expected (a unique violation that becomes a 409, PostgreSQL being down that
    /// becomes a 503) and the caller decides: <c>HttpEndpoint</c> logs an unexpected one once, with its stack trace,
    /// and the Functions host logs a failed background invocation. So EF's own error events go to debug level.
    /// </para>
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug)));

    /// <summary>
    /// Statements Npgsql prepares per connection after 5 uses, unless the connection string sets <c>Max Auto Prepare</c>:
    /// every request runs the same few statements, and a prepared one skips parsing and planning in PostgreSQL and
    /// most of the command preparation in Npgsql (docs/performance.md, "Light reads").
    /// </summary>
    public const int DefaultMaxAutoPrepare = 50;

    /// <summary>
    /// The data source of <paramref name="options"/>' connection string, with <see cref="DefaultMaxAutoPrepare"/> and
    /// <c>No Reset On Close</c> unless the connection string sets them. InFocus keeps no state in a PostgreSQL session
    /// (its advisory locks are transaction-level; it uses no SET, LISTEN, cursors or temporary tables), so the reset
    /// Npgsql otherwise runs each time a connection goes back to the pool (RESET ALL, UNLISTEN *,
    /// pg_advisory_unlock_all(), DISCARD SEQUENCES and TEMP, sent with the next use) has nothing to undo, and it ran
    /// twice per authenticated request (the session check, then the endpoint's statement).
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(DatabaseOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        // A keyword as Npgsql documents it ("Max Auto Prepare") or without its spaces, in any letter case.
        bool Sets(string keyword) => given.ContainsKey(keyword) || given.ContainsKey(keyword.Replace(" ", "", StringComparison.Ordinal));
        if (!Sets("Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Sets("No Reset On Close"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        if (options.UseEntraAuthentication)
        {
            TokenCredential credential = new DefaultAzureCredential();
            builder.UsePeriodicPasswordProvider(
                async (_, cancellationToken) =>
                    (await credential.GetTokenAsync(new TokenRequestContext(PostgresScopes), cancellationToken)).Token,
                successRefreshInterval: TimeSpan.FromMinutes(45),
                failureRefreshInterval: TimeSpan.FromSeconds(10));
        }

        return builder.Build();
    }
}
