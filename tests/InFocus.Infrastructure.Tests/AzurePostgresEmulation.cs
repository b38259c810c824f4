using InFocus.TestKit;
using Npgsql;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// The local test server (scripts/services.sh) set up as an Azure Database for PostgreSQL flexible server looks to
/// the azd hooks, then provisioned and migrated twice exactly as the hooks do it:
/// <list type="bullet">
/// <item>the Microsoft Entra administrator is no superuser: it has CREATEROLE and CREATEDB and is a member of
/// <c>azure_pg_admin</c>, which owns the application database (Azure creates it so);</item>
/// <item><c>pgaadauth_create_principal_with_oid</c>, Azure's function that makes a login role of a managed identity,
/// is stood in for by one that creates the role as its caller: so on PostgreSQL 16+ the administrator gets the
/// ADMIN-only membership that broke the first deployment;</item>
/// <item>every script in infra/scripts/sql runs as the administrator, in name order (postprovision.sh), then the
/// checked-in idempotent migration script after <c>SET ROLE infocus_owner</c> (predeploy.sh); all of it twice.</item>
/// </list>
/// Roles are global to the server, and <c>infocus_owner</c> has a fixed name, so one such setup runs at a time on a
/// server (an advisory lock) and clears what an interrupted run left behind.
/// </summary>
public sealed class AzurePostgresEmulation : IAsyncLifetime
{
    private const string Prefix = "infra-roles-";
    private const long LockKey = 727_275;

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private readonly string _adminPassword = Guid.NewGuid().ToString("N");
    private readonly string _appPassword = Guid.NewGuid().ToString("N");
    private NpgsqlConnection? _lock;

    public static NpgsqlConnectionStringBuilder Superuser => new(TestEnvironment.PostgresAdmin) { Pooling = false };

    public string Database => $"infra_roles_{_suffix}";

    /// <summary>Named like a user principal name, which needs quoting in SQL.</summary>
    public string AdministratorRole => $"{Prefix}admin-{_suffix}@example.com";

    /// <summary>Named like the function app, whose name is its database role.</summary>
    public string AppRole => $"{Prefix}func-{_suffix}";

    public NpgsqlConnectionStringBuilder Administrator => new(Superuser.ConnectionString)
    {
        Database = Database, Username = AdministratorRole, Password = _adminPassword,
    };

    public NpgsqlConnectionStringBuilder App => new(Superuser.ConnectionString)
    {
        Database = Database, Username = AppRole, Password = _appPassword,
    };

    public NpgsqlConnectionStringBuilder SuperuserInDatabase => new(Superuser.ConnectionString) { Database = Database };

    public static string SqlDirectory => Path.Combine(Repository.Root, "infra", "scripts", "sql");

    public static string MigrationScript => Path.Combine(Repository.Root, "InFocus.Domain", "Data", "Migrations", "idempotent.sql");

    public async Task InitializeAsync()
    {
        _lock = new NpgsqlConnection(Superuser.ConnectionString);
        await _lock.OpenAsync();
        await Sql.ExecuteAsync(_lock, $"SELECT pg_advisory_lock({LockKey})");
        await RemoveLeftoversAsync(_lock);

        await Sql.ExecuteAsync(_lock, """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'azure_pg_admin') THEN CREATE ROLE azure_pg_admin NOLOGIN; END IF;
            END $$
            """);
        await Sql.ExecuteAsync(_lock, $"CREATE ROLE {Sql.Quote(AdministratorRole)} LOGIN CREATEROLE CREATEDB PASSWORD '{_adminPassword}'");
        await Sql.ExecuteAsync(_lock, $"GRANT azure_pg_admin TO {Sql.Quote(AdministratorRole)}");
        await Sql.ExecuteAsync(_lock, $"CREATE DATABASE {Sql.Quote(Database)} OWNER azure_pg_admin");

        await using (var database = new NpgsqlConnection(SuperuserInDatabase.ConnectionString))
        {
            await database.OpenAsync();
            await Sql.ExecuteAsync(database, """
                CREATE FUNCTION pgaadauth_create_principal_with_oid(role_name text, object_id text, object_type text, is_admin boolean, is_mfa boolean)
                RETURNS text LANGUAGE plpgsql SECURITY INVOKER AS $$
                BEGIN
                    EXECUTE format('CREATE ROLE %I LOGIN', role_name);
                    RETURN format('Created role for %s (%s %s)', role_name, object_type, object_id);
                END $$
                """);
        }

        for (var run = 1; run <= 2; run++)
        {
            await ProvisionAndMigrateAsync();
        }

        // Azure signs the app in with a token of its identity; locally a password stands in for it.
        await Sql.ExecuteAsync(_lock, $"ALTER ROLE {Sql.Quote(AppRole)} PASSWORD '{_appPassword}'");
    }

    public async Task DisposeAsync()
    {
        if (_lock is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RemoveLeftoversAsync(_lock);
        await Sql.ExecuteAsync(_lock, $"SELECT pg_advisory_unlock({LockKey})");
        await _lock.DisposeAsync();
    }

    /// <summary>postprovision.sh's SQL, then predeploy.sh's.</summary>
    private async Task ProvisionAndMigrateAsync()
    {
        var variables = new Dictionary<string, string>
        {
            ["app_role"] = AppRole,
            ["app_oid"] = Guid.NewGuid().ToString(),
            ["db_name"] = Database,
        };
        foreach (var script in Directory.GetFiles(SqlDirectory, "*.sql").Order(StringComparer.Ordinal))
        {
            await Psql.RunAsync(Administrator, null, variables, "--file", script);
        }

        var migration = "SET ROLE infocus_owner;\n" + await File.ReadAllTextAsync(MigrationScript);
        await Psql.RunAsync(Administrator, migration, new Dictionary<string, string>(), "--file", "-");
    }

    /// <summary>Drops this and any earlier run's databases and roles (the lock is held).</summary>
    private static async Task RemoveLeftoversAsync(NpgsqlConnection superuser)
    {
        var databases = await Sql.ListAsync(superuser, "SELECT datname FROM pg_database WHERE datname LIKE 'infra\\_roles\\_%'");
        foreach (var database in databases)
        {
            await Sql.ExecuteAsync(superuser, $"DROP DATABASE {Sql.Quote(database)} WITH (FORCE)");
        }

        var roles = await Sql.ListAsync(superuser, $"SELECT rolname FROM pg_roles WHERE rolname LIKE '{Prefix}%' ORDER BY rolname LIKE '%admin%'");
        if (await Sql.ListAsync(superuser, "SELECT rolname FROM pg_roles WHERE rolname = 'infocus_owner'") is [var owner])
        {
            roles.Insert(0, owner);
        }

        foreach (var role in roles)
        {
            await Sql.ExecuteAsync(superuser, $"DROP OWNED BY {Sql.Quote(role)}; DROP ROLE {Sql.Quote(role)}");
        }
    }
}
