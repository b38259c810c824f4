using InFocus.Domain.Data;
using InFocus.Domain.Data.Seed;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tests.Data;

public sealed class SeedTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Seeding_twice_inserts_the_demo_data_once_and_then_changes_nothing()
    {
        var first = await SeedAsync();
        var before = await SnapshotAsync();

        var second = await SeedAsync();

        Assert.True(first > 0);
        Assert.Equal(0, second);
        Assert.Equal(before, await SnapshotAsync());
        await fixture.DbAsync(async db =>
        {
            Assert.Equal(3, await db.Users.CountAsync(u => u.Email.EndsWith("@infocus.dev")));
            Assert.Equal([1396, 550, 278], await db.MediaItems.Where(m => m.Id.StartsWith("cseed")).Select(m => m.TmdbId).OrderDescending().ToListAsync());
            Assert.Equal(3, await db.WatchlistEntries.Where(e => e.Id.StartsWith("cseed")).Select(e => e.Status).Distinct().CountAsync());
            Assert.True(BCrypt.Net.BCrypt.Verify(DemoData.Password, (await db.Users.FirstAsync(u => u.Email == "alice@infocus.dev")).PasswordHash));
        });
    }

    [Theory]
    [InlineData("Host=infocus-prod.postgres.database.azure.com;Database=infocus;Username=app", false)]
    [InlineData("Host=10.0.0.5;Database=infocus;Username=app", false)]
    [InlineData("Host=127.0.0.1;Database=infocus;Username=app", true)]
    public void Seeding_refuses_a_database_that_is_not_on_this_machine(string connectionString, bool local)
    {
        var options = new DatabaseOptions { ConnectionString = connectionString };

        var refused = Record.Exception(() => DevelopmentSeeder.EnsureDevelopmentDatabase(options, allowNonLocalDatabase: false));

        Assert.Equal(!local, refused is InvalidOperationException);
    }

    [Fact]
    public void Seeding_refuses_a_local_host_name_that_signs_in_with_entra()
    {
        var options = new DatabaseOptions { ConnectionString = "Host=localhost;Database=infocus", UseEntraAuthentication = true };

        Assert.Throws<InvalidOperationException>(() => DevelopmentSeeder.EnsureDevelopmentDatabase(options, allowNonLocalDatabase: false));
    }

    private Task<int> SeedAsync() => SeedAsync(fixture);

    /// <summary>Seeds the demo data into <paramref name="database"/>'s database, as scripts/run.sh does.</summary>
    internal static async Task<int> SeedAsync(DomainFixture database)
    {
        await using var scope = database.CreateScope();
        var seeder = ActivatorUtilities.CreateInstance<DevelopmentSeeder>(scope.ServiceProvider);
        return await seeder.SeedAsync(allowNonLocalDatabase: false, CancellationToken.None);
    }

    private Task<string> SnapshotAsync() => fixture.DbAsync(async db =>
    {
        var rows = await db.Database.SqlQueryRaw<string>("""
            SELECT string_agg(t.name || ':' || t.rows || ':' || t.latest, ',' ORDER BY t.name) AS "Value" FROM (
                SELECT 'users' AS name, count(*) AS rows, max(updated_at)::text AS latest FROM users UNION ALL
                SELECT 'profiles', count(*), max(updated_at)::text FROM profiles UNION ALL
                SELECT 'media_items', count(*), max(updated_at)::text FROM media_items UNION ALL
                SELECT 'streaming_providers', count(*), max(updated_at)::text FROM streaming_providers UNION ALL
                SELECT 'watchlist_entries', count(*), max(date_updated)::text FROM watchlist_entries UNION ALL
                SELECT 'families', count(*), max(updated_at)::text FROM families UNION ALL
                SELECT 'family_memberships', count(*), max(updated_at)::text FROM family_memberships UNION ALL
                SELECT 'family_invitations', count(*), max(updated_at)::text FROM family_invitations UNION ALL
                SELECT 'recommendations', count(*), max(updated_at)::text FROM recommendations UNION ALL
                SELECT 'sessions', count(*), max(updated_at)::text FROM sessions UNION ALL
                SELECT 'refresh_tokens', count(*), max(updated_at)::text FROM refresh_tokens) t
            """).ToListAsync();
        return rows.Single();
    });
}
