using InFocus.Domain.Accounts;
using InFocus.EndToEnd.Tests.Harness;
using Microsoft.EntityFrameworkCore;

namespace InFocus.EndToEnd.Tests.Accounts;

[Collection(AccountsCollection.Name)]
public sealed class PruneTokensTests(AccountsHostFixture host)
{
    [Fact]
    public async Task The_daily_timer_removes_expired_sessions_and_logs_what_it_removed()
    {
        using var user = await host.SignUpAsync();
        await host.DbAsync(db => db.Sessions
            .Where(s => s.UserId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddDays(-1))));

        var outcome = await host.RunFunctionAsync("PruneTokens");

        Assert.True(outcome.IsSuccess, outcome.ToString());
        await host.DbAsync(async db =>
        {
            Assert.False(await db.Sessions.AnyAsync(s => s.UserId == user.Id));
            Assert.False(await db.RefreshTokens.AnyAsync(t => t.UserId == user.Id));
        });

        Assert.Contains(host.Logs.Entries, e => e.Contains("Pruned", StringComparison.Ordinal) && e.Contains("sessions", StringComparison.Ordinal));
    }
}
