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
    public async Task Pruning_deletes_in_bounded_batches_until_nothing_is_left()
    {
        var old = fixture.Clock.GetUtcNow().AddDays(-3);
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO login_failures (id, email, client_address, attempted_at)
            SELECT 'c' || lpad(to_hex(n), 24, '0'), 'batch@example.com', 'test', {old}
            FROM generate_series(1, 2500) AS n
            """));

        fixture.Statements.Reset();
        var report = await fixture.WithAsync<TokenPruner, PruneReport>(p => p.PruneAsync(default));

        Assert.True(report.LoginFailures >= 2500, report.ToString());
        Assert.False(report.StoppedByTimeBudget);
        Assert.True(fixture.Statements.Count >= 3 + 2, $"{fixture.Statements.Count} statements");
        Assert.False(await fixture.DbAsync(db => db.LoginFailures.AnyAsync(f => f.Email == "batch@example.com")));
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
