using Azure.Core;
using Azure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        // Interceptors registered in the container (tests count SQL statements with one) apply to every context.
        services.AddDbContext<InFocusDbContext>((provider, options) =>
            Configure(options, provider.GetRequiredService<NpgsqlDataSource>()).AddInterceptors(provider.GetServices<IInterceptor>()));
        return services;
    }

    /// <summary>The one place EF is told how to talk to PostgreSQL; tests and tools use it too.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    public static NpgsqlDataSource CreateDataSource(DatabaseOptions options)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
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
