using System.Security.Cryptography;
using System.Text;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace InFocus.TestKit;

/// <summary>
/// The PostgreSQL server the tests use (scripts/services.sh starts it) and its migrated template database.
/// Each test class clones the template — a file copy inside PostgreSQL, far faster than migrating.
/// </summary>
public static class TestPostgres
{
    private static string AdminConnectionString => TestEnvironment.PostgresAdmin;

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _templateName;

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>Creates an empty-but-migrated database for one test class.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var template = await EnsureTemplateAsync();
        var name = $"test_{Sanitize(purpose)}_{Guid.NewGuid():N}";
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return name;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The template is named after a hash of the migration script, so a schema change makes a new one
    /// while unchanged code (other test assemblies, reruns) reuses it. An advisory lock serializes its creation
    /// across processes.
    /// </summary>
    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            return _templateName ??= await CreateTemplateOnceAsync();
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task<string> CreateTemplateOnceAsync()
    {
        var name = $"infocus_template_{SchemaHash()}";
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(727274)", admin))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name AND datistemplate", admin);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
            await MigrateAsync(ConnectionStringFor(name));
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync($"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        }

        return name;
    }

    public static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = DatabaseServiceCollectionExtensions.CreateDataSource(new DatabaseOptions { ConnectionString = connectionString });
        await using var context = CreateContext(dataSource);
        await context.Database.MigrateAsync();
    }

    public static InFocusDbContext CreateContext(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<InFocusDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, dataSource);
        return new InFocusDbContext(options.Options);
    }

    private static string SchemaHash()
    {
        using var dataSource = DatabaseServiceCollectionExtensions.CreateDataSource(new DatabaseOptions { ConnectionString = AdminConnectionString });
        using var context = CreateContext(dataSource);
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(script));
        return Convert.ToHexStringLower(hash)[..16];
    }

    private static string Sanitize(string purpose) =>
        new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(25).ToArray());
}
