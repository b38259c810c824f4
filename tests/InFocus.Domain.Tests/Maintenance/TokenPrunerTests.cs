using InFocus.Domain.Accounts;
using InFocus.Domain.Maintenance;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Maintenance;

public sealed class TokenPrunerTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Pruning_removes_what_can_no_longer_be_used_and_keeps_the_rest()
    {
        var now = fixture.Clock.GetUtcNow();
        var ids = await fixture.DbAsync(async db =>
        {
            var user = Entities.User();
            var active = Entities.Session(user, expiresAt: now.AddDays(10));
            var expired = Entities.Session(user, expiresAt: now.AddMinutes(-1));
            var current = Entities.RefreshToken(active, expiresAt: now.AddDays(10));
            var rotatedRecently = Revoked(Entities.RefreshToken(active, expiresAt: now.AddDays(-1)), now.AddDays(-29));
            var rotatedLongAgo = Revoked(Entities.RefreshToken(active, expiresAt: now.AddDays(-1)), now.AddDays(-31));
            var expiredLongAgo = Entities.RefreshToken(active, expiresAt: now.AddDays(-31));
            var ofExpiredSession = Entities.RefreshToken(expired, expiresAt: now.AddDays(5));
            db.AddRange(user, active, expired, current, rotatedRecently, rotatedLongAgo, expiredLongAgo, ofExpiredSession);
            db.LoginFailures.AddRange(Failure(now.AddHours(-25)), Failure(now.AddMinutes(-5)));
            await db.SaveChangesAsync();
            return new { active = active.Id, expired = expired.Id, kept = new[] { current.Id, rotatedRecently.Id } };
        });

        var report = await fixture.WithAsync<TokenPruner, PruneReport>(p => p.PruneAsync(default));

        Assert.True(report.Sessions >= 1 && report.RefreshTokens >= 2 && report.LoginFailures >= 1, report.ToString());
        await fixture.DbAsync(async db =>
        {
            Assert.Equal([ids.active], await db.Sessions.Where(s => s.Id == ids.active || s.Id == ids.expired).Select(s => s.Id).ToListAsync());
            Assert.Equal(ids.kept.Order(), (await db.RefreshTokens.Where(t => t.SessionId == ids.active).Select(t => t.Id).ToListAsync()).Order());
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.SessionId == ids.expired));
            Assert.False(await db.LoginFailures.AnyAsync(f => f.AttemptedAt < now.AddDays(-1)));
            Assert.True(await db.LoginFailures.AnyAsync(f => f.AttemptedAt > now.AddMinutes(-6)));
        });
    }

    [Fact]
    public async Task Pruning_deletes_a_bounded_range_of_pages_at_a_time_through_the_whole_table()
    {
        // Rows of about 300 bytes, so 40,000 of them span more pages than one batch takes; the recent ones, inserted
        // last, sit in the last pages and stay.
        var now = fixture.Clock.GetUtcNow();
        var padding = new string('x', 220);
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO login_failures (id, email, client_address, attempted_at)
            SELECT 'c' || lpad(to_hex(n), 24, '0'), 'batch-' || n || {padding} || '@example.com', 'test',
                   CASE WHEN n > 39990 THEN {now.AddMinutes(-5)} ELSE {now.AddDays(-3)} END
            FROM generate_series(1, 40000) AS n
            """));
        var pages = await fixture.DbAsync(db => db.Database
            .SqlQueryRaw<long>("SELECT pg_relation_size('login_failures') / current_setting('block_size')::bigint AS \"Value\"").SingleAsync());

        fixture.Statements.Reset();
        var report = await fixture.WithAsync<TokenPruner, PruneReport>(p => p.PruneAsync(default));

        var batches = fixture.Statements.Queries.Where(q => q.Text.StartsWith("DELETE FROM login_failures", StringComparison.Ordinal)).ToList();
        var plan = await fixture.ExplainAsync(batches[^1]);
        Assert.True(pages > TokenPruner.PagesPerBatch, $"{pages} pages");
        Assert.True(batches.Count >= (pages + TokenPruner.PagesPerBatch - 1) / TokenPruner.PagesPerBatch, $"{batches.Count} batches for {pages} pages");
        Assert.Contains(plan, line => line.Contains("Tid Range Scan on login_failures", StringComparison.Ordinal));
        Assert.True(report.LoginFailures >= 39_990, report.ToString());
        Assert.False(report.StoppedByTimeBudget);
        Assert.Equal(10, await fixture.DbAsync(db => db.LoginFailures.CountAsync(f => f.Email.StartsWith("batch-"))));
        await fixture.DbAsync(db => db.LoginFailures.Where(f => f.Email.StartsWith("batch-")).ExecuteDeleteAsync());
    }

    private static RefreshToken Revoked(RefreshToken token, DateTimeOffset at)
    {
        token.Revoked = true;
        token.RevokedAt = at;
        return token;
    }

    private static LoginFailure Failure(DateTimeOffset at) =>
        new() { Email = $"f-{Guid.NewGuid():N}@example.com", ClientAddress = "test", AttemptedAt = at };
}
