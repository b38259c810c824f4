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
/// <item>the postprovision hook (every script in infra/scripts/sql, as the administrator, in name order) and the
/// predeploy hook (the checked-in idempotent migration script after <c>SET ROLE infocus_owner</c>) run as azd runs
/// them, with fakes of az and curl: once in the private network mode, then again in the public one.</item>
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
    private readonly DirectoryInfo _vault = Directory.CreateTempSubdirectory("infocus-hook-vault-");
    private NpgsqlConnection? _lock;

    /// <summary>Each hook run, named "hook networkMode", in order.</summary>
    public List<(string Name, HookRun Run)> Runs { get; } = [];

    /// <summary>The fake Key Vault's secrets after both provisions.</summary>
    public string SecretPath(string name) => Path.Combine(_vault.FullName, "secrets", name);

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

    public static string MigrationScript => Path.Combine(Repository.Root, "InFocus.Domain", "Data", "Migrations", "idempotent.sql");

    public async Task InitializeAsync()
    {
        _lock = new NpgsqlConnection(Superuser.ConnectionString);
        await _lock.OpenAsync();
        var major = await Sql.ListAsync(_lock, "SELECT current_setting('server_version_num')::int / 10000");
        if (int.Parse(major[0], System.Globalization.CultureInfo.InvariantCulture) < 16)
        {
            throw new InvalidOperationException(
                $"The test server at {Superuser.Host}:{Superuser.Port} runs PostgreSQL {major[0]}; the hooks need 16 or later, and Azure runs {PostgresVersion.Bicep}. Restart it with scripts/services.sh (stop postgres, then start).");
        }

        await Sql.ExecuteAsync(_lock, $"SELECT pg_advisory_lock({LockKey})");
        await RemoveLeftoversAsync(_lock);

        await Sql.ExecuteAsync(_lock, "CREATE ROLE azure_pg_admin NOLOGIN");
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

        // The private default first, then the same again in public mode: the second run must change nothing.
        await ProvisionAndMigrateAsync("Private");
        await ProvisionAndMigrateAsync("Public");

        // Azure signs the app in with a token of its identity; locally a password stands in for it.
        await Sql.ExecuteAsync(_lock, $"ALTER ROLE {Sql.Quote(AppRole)} PASSWORD '{_appPassword}'");
    }

    public async Task DisposeAsync()
    {
        _vault.Delete(recursive: true);
        if (_lock is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RemoveLeftoversAsync(_lock);
        await Sql.ExecuteAsync(_lock, $"SELECT pg_advisory_unlock({LockKey})");
        await _lock.DisposeAsync();
    }

    /// <summary>The two hooks with SQL, run by <c>sh</c> with fakes of az and curl (the token is the password).</summary>
    private async Task ProvisionAndMigrateAsync(string networkMode)
    {
        var environment = new Dictionary<string, string>
        {
            ["AZURE_RESOURCE_GROUP"] = "rg-infocus-test",
            ["AZURE_KEY_VAULT_NAME"] = "kv-infocus-test",
            ["SERVICE_API_NAME"] = AppRole,
            ["SERVICE_API_RESOURCE_ID"] = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-infocus-test/providers/Microsoft.Web/sites/{AppRole}",
            ["FUNCTION_APP_IDENTITY_PRINCIPAL_ID"] = "00000000-0000-0000-0000-00000000a001",
            ["POSTGRES_SERVER_NAME"] = "psql-infocus-test",
            ["POSTGRES_HOST"] = Superuser.Host!,
            ["POSTGRES_PORT"] = Superuser.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["POSTGRES_DATABASE"] = Database,
            // Azure runs 10-roles.sql in `postgres`; here the database that has the stand-in for pgaadauth.
            ["POSTGRES_ADMIN_DATABASE"] = Database,
            ["POSTGRES_ADMIN_PRINCIPAL_NAME"] = AdministratorRole,
            ["POSTGRES_APP_ROLE"] = AppRole,
            ["POSTGRES_NETWORK_MODE"] = networkMode,
            ["FAKE_TOKEN"] = _adminPassword,
        };
        foreach (var hook in new[] { "postprovision", "predeploy" })
        {
            var run = await HookRun.RunAsync(hook, environment, _vault);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"{hook} ({networkMode}) failed: {run}");
            }

            Runs.Add(($"{hook} {networkMode}", run));
        }
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
        roles.InsertRange(0, await Sql.ListAsync(superuser, "SELECT rolname FROM pg_roles WHERE rolname = 'infocus_owner'"));
        roles.AddRange(await Sql.ListAsync(superuser, "SELECT rolname FROM pg_roles WHERE rolname = 'azure_pg_admin'"));

        foreach (var role in roles)
        {
            await Sql.ExecuteAsync(superuser, $"DROP OWNED BY {Sql.Quote(role)}; DROP ROLE {Sql.Quote(role)}");
        }
    }
}
