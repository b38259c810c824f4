using InFocus.Domain.Data;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InFocus.Domain.Tests.Data;

/// <summary>The migrated database is exactly the EF model: drift between the two fails the build.</summary>
public sealed class SchemaTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public Task The_model_has_no_changes_missing_from_the_migrations() =>
        fixture.DbAsync(db =>
        {
            Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: the model differs from the last migration's snapshot.");
            return Task.CompletedTask;
        });

    [Fact]
    public async Task Tables_and_columns_match_the_model()
    {
        var (model, catalog) = await LoadAsync();

        var expected = model.GetEntityTypes()
            .SelectMany(entity => entity.GetFlattenedProperties()
                .Where(p => p.GetColumnName() != "xmin")
                .Select(p => $"{entity.GetTableName()}.{p.GetColumnName()} {p.GetColumnType()} {(p.IsColumnNullable() ? "null" : "not null")}"))
            .Order(StringComparer.Ordinal);
        var actual = await catalog.QueryAsync("""
            SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '__ef_migrations_history'
            """);

        Assert.Equal(expected, actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Indexes_match_the_model()
    {
        var (model, catalog) = await LoadAsync();

        var expected = model.GetEntityTypes()
            .SelectMany(entity => entity.GetIndexes()
                .Select(i => $"{entity.GetTableName()} {i.GetDatabaseName()} unique={i.IsUnique} ({string.Join(", ", i.Properties.Select(p => p.GetColumnName()))}) where {i.GetFilter() ?? "-"}")
                .Append($"{entity.GetTableName()} {entity.FindPrimaryKey()!.GetName()} unique=True ({string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()))}) where -"))
            .Order(StringComparer.Ordinal);
        var actual = await catalog.QueryAsync("""
            SELECT t.relname || ' ' || i.relname || ' unique=' || CASE WHEN x.indisunique THEN 'True' ELSE 'False' END
                || ' (' || (SELECT string_agg(a.attname, ', ' ORDER BY k.ordinality) FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ordinality)
                            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) || ')'
                || ' where ' || COALESCE(pg_get_expr(x.indpred, x.indrelid), '-')
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public' AND t.relname <> '__ef_migrations_history'
            """);

        Assert.Equal(expected.Select(NormalizeFilter), actual.Select(NormalizeFilter).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Foreign_keys_and_their_delete_rules_match_the_model()
    {
        var (model, catalog) = await LoadAsync();

        var expected = model.GetEntityTypes()
            .SelectMany(entity => entity.GetForeignKeys()
                .Select(fk => $"{fk.GetConstraintName()} on delete {(fk.DeleteBehavior == DeleteBehavior.SetNull ? "set null" : fk.DeleteBehavior == DeleteBehavior.Cascade ? "cascade" : "no action")}"))
            .Order(StringComparer.Ordinal);
        var actual = await catalog.QueryAsync("""
            SELECT conname || ' on delete ' || CASE confdeltype WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' ELSE 'no action' END
            FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
            """);

        Assert.Equal(expected, actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Check_constraints_match_the_model()
    {
        var (model, catalog) = await LoadAsync();

        var expected = model.GetEntityTypes().SelectMany(e => e.GetCheckConstraints().Select(c => c.Name!)).Order(StringComparer.Ordinal);
        var actual = await catalog.QueryAsync("SELECT conname FROM pg_constraint WHERE contype = 'c' AND connamespace = 'public'::regnamespace");

        Assert.Equal(expected, actual.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_unique_and_check_constraint_has_a_domain_error()
    {
        var (model, _) = await LoadAsync();

        var named = model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().Where(i => i.IsUnique).Select(i => i.GetDatabaseName()!)
                .Concat(e.GetCheckConstraints().Where(c => !IsEnumCheck(c)).Select(c => c.Name!)));

        Assert.Empty(named.Except(Constraints.Named));
    }

    [Fact]
    public async Task Every_table_keeps_its_timestamps_with_a_trigger()
    {
        var (model, catalog) = await LoadAsync();

        var tables = model.GetEntityTypes().Select(e => $"touch_{e.GetTableName()}").Order(StringComparer.Ordinal);
        // The summaries' triggers (summarize_*, Data/Migrations/PerformanceSummariesSql.cs) are not timestamp triggers.
        var triggers = await catalog.QueryAsync("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'touch\\_%'");

        Assert.Equal(tables, triggers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public Task The_checked_in_idempotent_script_is_current() =>
        fixture.DbAsync(db =>
        {
            var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
            var checkedIn = File.ReadAllText(Path.Combine(TestSettings.RepositoryRoot, "InFocus.Domain", "Data", "Migrations", "idempotent.sql"));

            Assert.True(
                generated.Trim() == checkedIn.Trim(),
                "InFocus.Domain/Data/Migrations/idempotent.sql is stale: regenerate it with `dotnet run --project tools/InFocus.DbTool -- script`.");
            return Task.CompletedTask;
        });

    /// <summary>Enum CHECK constraints (a column IN the allowed names) cannot be violated through the typed model.</summary>
    private static bool IsEnumCheck(ICheckConstraint check) => check.Sql.Contains(" IN (", StringComparison.Ordinal);

    private static string NormalizeFilter(string value) => value.Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal)
        .Replace("::text", "", StringComparison.Ordinal).Replace("::character varying", "", StringComparison.Ordinal);

    private async Task<(IModel Model, Catalog Catalog)> LoadAsync() =>
        await fixture.DbAsync(db => Task.FromResult((db.GetService<IDesignTimeModel>().Model, new Catalog(fixture.ConnectionString))));

    private sealed class Catalog(string connectionString)
    {
        public async Task<List<string>> QueryAsync(string sql)
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            return rows;
        }
    }
}
