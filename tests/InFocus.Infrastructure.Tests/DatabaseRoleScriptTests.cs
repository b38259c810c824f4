using System.Text.RegularExpressions;
using Npgsql;
using Xunit;

namespace InFocus.Infrastructure.Tests;

/// <summary>
/// The hooks' SQL (infra/scripts/sql, the idempotent migration script) run twice by an administrator set up like
/// Azure's Microsoft Entra administrator, on the PostgreSQL major version Azure runs: the deployment works, can be
/// repeated, and leaves the app's role with data-only rights.
/// </summary>
public sealed partial class DatabaseRoleScriptTests(AzurePostgresEmulation azure) : IClassFixture<AzurePostgresEmulation>
{
    [Fact]
    public async Task The_test_server_runs_the_PostgreSQL_major_version_Azure_deploys()
    {
        var major = await Sql.ScalarAsync(AzurePostgresEmulation.Superuser, "SELECT current_setting('server_version_num')::int / 10000");

        Assert.True(
            major == PostgresVersion.Bicep,
            $"The test server runs PostgreSQL {major}; main.bicep deploys {PostgresVersion.Bicep}. Restart it with scripts/services.sh (stop postgres, then start).");
    }

    /// <summary>Guards the emulation: without PostgreSQL 16+ membership rules this class would prove nothing.</summary>
    [Fact]
    public async Task A_role_the_administrator_creates_makes_it_a_member_with_admin_option_only()
    {
        var options = await Sql.ScalarAsync(azure.SuperuserInDatabase, $"""
            SELECT format('admin=%s inherit=%s set=%s', m.admin_option, m.inherit_option, m.set_option)
            FROM pg_auth_members m
            WHERE m.roleid = (SELECT oid FROM pg_roles WHERE rolname = '{azure.AppRole}')
              AND m.member = (SELECT oid FROM pg_roles WHERE rolname = '{azure.AdministratorRole}')
            """);

        Assert.Equal("admin=t inherit=f set=f", options);
    }

    [Fact]
    public async Task The_administrator_is_no_superuser_and_may_act_as_the_owner_role()
    {
        // SET: predeploy.sh's SET ROLE infocus_owner; USAGE (its privileges): 20-grants.sql's ALTER DEFAULT PRIVILEGES.
        var rights = await Sql.ScalarAsync(azure.Administrator, """
            SELECT format('superuser=%s createrole=%s set=%s usage=%s', rolsuper, rolcreaterole,
                          pg_has_role(current_user, 'infocus_owner', 'SET'), pg_has_role(current_user, 'infocus_owner', 'USAGE'))
            FROM pg_roles WHERE rolname = current_user
            """);

        Assert.Equal("superuser=f createrole=t set=t usage=t", rights);
    }

    [Fact]
    public async Task Every_migration_was_applied_once()
    {
        var expected = MigrationId().Matches(await File.ReadAllTextAsync(AzurePostgresEmulation.MigrationScript))
            .Select(match => match.Groups["id"].Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var applied = await Sql.ListAsync(azure.Administrator, "SELECT migration_id FROM __ef_migrations_history ORDER BY migration_id");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, applied);
    }

    [Fact]
    public async Task Every_schema_object_belongs_to_the_owner_role()
    {
        var foreign = await Sql.ListAsync(azure.Administrator, """
            SELECT c.relname || ' (' || pg_get_userbyid(c.relowner) || ')' FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
              AND pg_get_userbyid(c.relowner) <> 'infocus_owner'
            UNION ALL
            SELECT p.proname || ' (' || pg_get_userbyid(p.proowner) || ')' FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'infocus\_%'
              AND pg_get_userbyid(p.proowner) <> 'infocus_owner'
            """);

        Assert.Empty(foreign);
    }

    [Fact]
    public async Task The_app_role_may_read_and_write_the_rows_of_every_table_and_nothing_more()
    {
        var wrong = await Sql.ListAsync(azure.Administrator, $"""
            WITH t AS (SELECT c.oid, c.relname, c.relkind FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S'))
            SELECT relname || ': ' || privilege || ' = ' || granted FROM (
                SELECT relname, p AS privilege, has_table_privilege('{azure.AppRole}', oid, p) AS granted,
                       p IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE') AS expected
                FROM t, unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
                WHERE relkind IN ('r', 'p')
                UNION ALL
                SELECT relname, p, has_sequence_privilege('{azure.AppRole}', oid, p), true
                FROM t, unnest(ARRAY['USAGE', 'SELECT', 'UPDATE']) p WHERE relkind = 'S'
                UNION ALL
                SELECT 'schema public', p, has_schema_privilege('{azure.AppRole}', 'public', p), p = 'USAGE'
                FROM unnest(ARRAY['USAGE', 'CREATE']) p
            ) checks
            WHERE granted <> expected
            ORDER BY 1
            """);
        var tables = int.Parse(
            await Sql.ScalarAsync(azure.Administrator, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
            System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(tables > 5, $"only {tables} tables: the migration did not run");
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_app_signs_in_and_changes_rows_but_not_the_schema()
    {
        await using var app = new NpgsqlConnection(azure.App.ConnectionString);
        await app.OpenAsync();

        await Sql.ExecuteAsync(app, """
            INSERT INTO login_failures (id, email, client_address, attempted_at) VALUES ('probe', 'a@example.com', '127.0.0.1', now());
            UPDATE login_failures SET email = 'b@example.com' WHERE id = 'probe';
            DELETE FROM login_failures WHERE id = 'probe';
            """);
        var create = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(app, "CREATE TABLE app_made (id int)"));
        var alter = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(app, "ALTER TABLE login_failures ADD COLUMN extra int"));
        var setRole = await Assert.ThrowsAsync<PostgresException>(() => Sql.ExecuteAsync(app, "SET ROLE infocus_owner"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, create.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, alter.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, setRole.SqlState);
    }

    [Theory]
    [InlineData("postprovision Private", "vault+ public+ rule+ {sql} rule- public- vault-")]
    [InlineData("predeploy Private", "public+ rule+ sql rule- public-")]
    [InlineData("postprovision Public", "rule+ {sql} rule-")]
    [InlineData("predeploy Public", "rule+ sql rule-")]
    public void Each_hook_admits_the_deploying_machine_only_while_it_runs_its_SQL(string hook, string expected)
    {
        var run = azure.Runs.Single(r => r.Name == hook).Run;
        var sqlScripts = Directory.GetFiles(Path.Combine(Repository.Root, "infra", "scripts", "sql"), "*.sql").Length;

        var steps = run.Calls.Select(Step).OfType<string>();

        Assert.Equal(expected.Replace("{sql}", string.Join(' ', Enumerable.Repeat("sql", sqlScripts)), StringComparison.Ordinal), string.Join(' ', steps));
        var rule = Assert.Single(run.CallsStartingWith("az postgres flexible-server firewall-rule create"));
        Assert.Contains("--start-ip-address 203.0.113.7 --end-ip-address 203.0.113.7", rule, StringComparison.Ordinal);
        var ruleName = RuleName().Match(rule).Value;
        Assert.Contains(ruleName, Assert.Single(run.CallsStartingWith("az postgres flexible-server firewall-rule delete")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_signing_key_is_created_once_and_never_overwritten()
    {
        var writes = azure.Runs.SelectMany(r => r.Run.CallsStartingWith("az keyvault secret set --vault-name kv-infocus-test --name jwt-signing-key "));

        Assert.Single(writes);
        Assert.True(File.ReadAllText(azure.SecretPath("jwt-signing-key")).Length >= 64);
    }

    /// <summary>A call the data-plane access consists of, in short; null for any other call.</summary>
    private static string? Step(string call) => call switch
    {
        _ when call.StartsWith("az keyvault network-rule add ", StringComparison.Ordinal) => "vault+",
        _ when call.StartsWith("az keyvault network-rule remove ", StringComparison.Ordinal) => "vault-",
        _ when call.StartsWith("az postgres flexible-server update ", StringComparison.Ordinal) && call.Contains("--public-access Enabled", StringComparison.Ordinal) => "public+",
        _ when call.StartsWith("az postgres flexible-server update ", StringComparison.Ordinal) && call.Contains("--public-access Disabled", StringComparison.Ordinal) => "public-",
        _ when call.StartsWith("az postgres flexible-server firewall-rule create ", StringComparison.Ordinal) => "rule+",
        _ when call.StartsWith("az postgres flexible-server firewall-rule delete ", StringComparison.Ordinal) => "rule-",
        _ when call.StartsWith("psql ", StringComparison.Ordinal) => "sql",
        _ => null,
    };

    [GeneratedRegex(@"azd-hook-\d+")]
    private static partial Regex RuleName();

    [GeneratedRegex("\"migration_id\" = '(?<id>[^']+)'")]
    private static partial Regex MigrationId();
}
