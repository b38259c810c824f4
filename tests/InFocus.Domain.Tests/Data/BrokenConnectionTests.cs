using System.Data.Common;
using InFocus.Domain.Data;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InFocus.Domain.Tests.Data;

/// <summary>
/// PostgreSQL drops the connection of a transaction after <c>SaveChanges</c> wrote its rows (a restart, a failover, an
/// idle-in-transaction timeout): whatever the transaction does next fails as a transient database error (a 503 for a
/// request, a retry for a job), never as Npgsql's "Transaction is already completed" (a 500) or as a query on a new
/// connection outside the transaction, and nothing is committed. EF Core's automatic savepoints, which hid the break
/// (it ignores a failed <c>RELEASE SAVEPOINT</c>), are off, pooled contexts included.
/// </summary>
public sealed class BrokenConnectionTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    public static TheoryData<string> NextSteps => ["statement", "query", "save", "commit"];

    [Theory]
    [MemberData(nameof(NextSteps))]
    public async Task The_next_step_of_a_transaction_whose_connection_broke_fails_as_transient_and_nothing_is_committed(string next)
    {
        var email = $"lost-{Guid.NewGuid():N}@example.test";
        var logs = new CapturingLoggerProvider();
        await using (var db = CreateContext(logs))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Users.Add(Entities.User(email));
            await db.SaveChangesAsync();

            var failure = await Assert.ThrowsAnyAsync<Exception>(() => next switch
            {
                "statement" => db.Database.ExecuteSqlAsync($"SELECT 1"),
                "query" => db.Users.CountAsync(),
                "save" => SaveAnotherAsync(db),
                _ => transaction.CommitAsync(),
            });

            Assert.True(IsTransient(failure), $"not transient: {failure}");
        }

        Assert.False(await fixture.DbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.DoesNotContain(logs.Entries, e => !e.StartsWith("Debug", StringComparison.Ordinal) && !e.StartsWith("Trace", StringComparison.Ordinal) && !e.StartsWith("Information", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pooled_contexts_save_without_savepoints_each_time_they_are_handed_out()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.False(await fixture.DbAsync(db => Task.FromResult(db.Database.AutoSavepointsEnabled)));
        }
    }

    private static async Task SaveAnotherAsync(InFocusDbContext db)
    {
        db.Users.Add(Entities.User($"another-{Guid.NewGuid():N}@example.test"));
        await db.SaveChangesAsync();
    }

    /// <summary>As the HTTP call path and the retry policy judge it: an Npgsql error that says it is transient, possibly wrapped.</summary>
    private static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    private InFocusDbContext CreateContext(CapturingLoggerProvider logs)
    {
        var options = new DbContextOptionsBuilder<InFocusDbContext>();
        DatabaseServiceCollectionExtensions.Configure(options, NpgsqlDataSource.Create(fixture.ConnectionString))
            .AddInterceptors(new DropConnectionAfterSaving(fixture.ConnectionString))
            .UseLoggerFactory(LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        return new InFocusDbContext(options.Options);
    }

    /// <summary>Terminates the transaction's backend (from another connection) once the first save's batch has run.</summary>
    private sealed class DropConnectionAfterSaving(string connectionString) : DbCommandInterceptor
    {
        private bool _dropped;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!_dropped && command.CommandText.StartsWith("INSERT INTO users", StringComparison.Ordinal))
            {
                _dropped = true;
                await using var admin = new NpgsqlConnection(connectionString);
                await admin.OpenAsync(cancellationToken);
                await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend($1, 5000)", admin)
                {
                    Parameters = { new() { Value = ((NpgsqlConnection)command.Connection!).ProcessID } },
                };
                Assert.True((bool)(await terminate.ExecuteScalarAsync(cancellationToken))!);
            }

            return result;
        }
    }
}
