using InFocus.DevHost.Configuration;
using InFocus.Domain;
using InFocus.Domain.Data;
using InFocus.Domain.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.DbTool;

/// <summary>The database tool's commands: migrate, seed, script and status.</summary>
internal static class DbCommands
{
    private const string Usage = """
        InFocus database tool

        Usage: dotnet run --project tools/InFocus.DbTool -- <command> [--allow-remote]

          migrate   apply pending EF Core migrations
          status    list applied and pending migrations
          seed      insert the demo data (development databases on this machine only;
                    --allow-remote permits another host)
          script    print the idempotent SQL script of all migrations (for production releases)

        The connection string is the app setting Database__ConnectionString: from the environment, else
        InFocus.Functions/local.settings.json (created from local.settings.sample.json when missing), as for
        the development host.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.FirstOrDefault();
        var allowRemote = args.Contains("--allow-remote");
        if (command is null or "-h" or "--help")
        {
            Console.WriteLine(Usage);
            return command is null ? 1 : 0;
        }

        try
        {
            await using var services = BuildServices();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InFocusDbContext>();
            switch (command)
            {
                case "migrate":
                    await db.Database.MigrateAsync();
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case "status":
                    await PrintStatusAsync(db);
                    return 0;
                case "seed":
                    var inserted = await scope.ServiceProvider.GetRequiredService<DevelopmentSeeder>().SeedAsync(allowRemote, CancellationToken.None);
                    Console.WriteLine(inserted == 0 ? "Demo data already present; nothing to do." : $"Seeded {inserted} demo rows.");
                    return 0;
                case "script":
                    Console.WriteLine(db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{command}'.\n\n{Usage}");
                    return 1;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Npgsql.NpgsqlException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
    }

    private static ServiceProvider BuildServices()
    {
        // The settings the development host runs the app with: local.settings.json, then environment variables.
        var localSettings = LocalSettingsFile.LocateOrCreate();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(localSettings is { Path: var path } ? LocalSettingsFile.Load(path) : [])
            .AddInMemoryCollection(EnvironmentSettings.Load())
            .Build();
        var services = new ServiceCollection();
        // EF logs the expected "history table missing" probe of a new database as an error; the tool reports failures itself.
        services.AddLogging(logging => logging
            .AddSimpleConsole()
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddInFocus(configuration);
        services.AddDevelopmentSeed();
        return services.BuildServiceProvider();
    }

    private static async Task PrintStatusAsync(InFocusDbContext db)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToHashSet();
        foreach (var migration in db.Database.GetMigrations())
        {
            Console.WriteLine($"{(applied.Contains(migration) ? "applied" : "pending")}  {migration}");
        }
    }
}
