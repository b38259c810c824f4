using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InFocus.Domain.Tests.Data;

/// <summary>
/// EF Core's own loggers, at every level, never write an error or a stack trace for a failed database call: the
/// failure reaches InFocus, which decides whether it was expected (a constraint that becomes a 409) or is logged once.
/// </summary>
public sealed class DatabaseErrorLoggingTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task A_unique_violation_becomes_a_conflict_without_an_error_or_a_stack_trace_in_the_log()
    {
        var email = $"dup-{Guid.NewGuid():N}@example.test";
        var logs = new CapturingLoggerProvider();
        await using (var db = CreateContext(fixture.ConnectionString, logs))
        {
            db.Users.Add(Entities.User(email));
            await db.SaveChangesAsync();
        }

        await using (var db = CreateContext(fixture.ConnectionString, logs))
        {
            db.Users.Add(Entities.User(email));
            await Assert.ThrowsAsync<ConflictException>(() => db.SaveChangesAsync());
            await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"SELECT 1 / 0"));
        }

        AssertQuiet(logs);
    }

    [Fact]
    public async Task An_unreachable_database_fails_the_call_without_an_error_or_a_stack_trace_in_the_log()
    {
        var logs = new CapturingLoggerProvider();
        var unreachable = new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Port = LoopbackPort.Free(), Timeout = 2 }.ConnectionString;
        await using var db = CreateContext(unreachable, logs);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Users.CountAsync());

        AssertQuiet(logs);
    }

    private static void AssertQuiet(CapturingLoggerProvider logs)
    {
        Assert.Contains(logs.Entries, e => e.StartsWith("Debug Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Warning", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => !e.StartsWith("Debug", StringComparison.Ordinal) && !e.StartsWith("Trace", StringComparison.Ordinal) && e.Contains("   at ", StringComparison.Ordinal));
    }

    private static InFocusDbContext CreateContext(string connectionString, CapturingLoggerProvider logs)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        var options = new DbContextOptionsBuilder<InFocusDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, dataSource)
            .UseLoggerFactory(LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        return new InFocusDbContext(options.Options);
    }
}
