using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InFocus.Domain.Maintenance;

/// <summary>
/// The daily clean-up of sign-in data: expired sessions (their refresh tokens go with them), refresh tokens that
/// expired or were revoked more than 30 days ago (kept that long so reuse of a rotated token is still recognised),
/// login failures and rate-limit counts older than a day (the longest window), registrations never verified before
/// their link expired, and password-reset links past their expiry. Deletes in bounded set-based batches of heap
/// pages, each its own short statement, through each table once or until the time budget is spent.
/// </summary>
public sealed partial class TokenPruner(InFocusDbContext db, TimeProvider clock, ILogger<TokenPruner> logger)
{
    /// <summary>
    /// Heap pages per delete (8 MB): a batch deletes at most the rows of this many pages, so no batch holds its row
    /// locks for long, and the batches together make the one pass over the table a single DELETE makes
    /// (scripts/jobs-benchmark.sh; docs/performance.md, "Background jobs").
    /// </summary>
    public const int PagesPerBatch = 1_000;
    public static readonly TimeSpan RevokedTokenRetention = TimeSpan.FromDays(30);
    public static readonly TimeSpan LoginFailureRetention = TimeSpan.FromDays(1);
    public static readonly TimeSpan TimeBudget = TimeSpan.FromMinutes(5);

    public async Task<PruneReport> PruneAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var retained = now - RevokedTokenRetention;
        var failuresBefore = now - LoginFailureRetention;

        // Revoked-but-unexpired refresh tokens can never qualify (revocation happens before expiry).
        var refreshTokens = await DeleteInBatchesAsync(
            "refresh_tokens", "expires_at < @now AND (expires_at < @retained OR revoked_at < @retained)", started, cancellationToken, Now(now), Retained(retained));
        var sessions = await DeleteInBatchesAsync("sessions", "expires_at < @now", started, cancellationToken, Now(now));
        var loginFailures = await DeleteInBatchesAsync("login_failures", "attempted_at < @before", started, cancellationToken, Before(failuresBefore));
        var rateLimitHits = await DeleteInBatchesAsync("rate_limit_hits", "at < @before", started, cancellationToken, Before(failuresBefore));
        var registrations = await DeleteInBatchesAsync("pending_registrations", "expires_at < @now", started, cancellationToken, Now(now));
        var resets = await DeleteInBatchesAsync("password_resets", "expires_at < @now", started, cancellationToken, Now(now));

        var report = new PruneReport(
            sessions, refreshTokens, loginFailures, clock.GetElapsedTime(started) >= TimeBudget, rateLimitHits, registrations, resets);
        LogPruned(logger, report.Sessions, report.RefreshTokens, report.LoginFailures, report.StoppedByTimeBudget);
        LogPrunedAccountEmails(logger, registrations, resets, rateLimitHits);
        return report;
    }

    private static NpgsqlParameter Now(DateTimeOffset value) => new NpgsqlParameter<DateTimeOffset>("now", value);

    private static NpgsqlParameter Retained(DateTimeOffset value) => new NpgsqlParameter<DateTimeOffset>("retained", value);

    private static NpgsqlParameter Before(DateTimeOffset value) => new NpgsqlParameter<DateTimeOffset>("before", value);

    /// <summary>
    /// Deletes the rows of <paramref name="table"/> matching <paramref name="condition"/>, <see cref="PagesPerBatch"/>
    /// heap pages at a time from the first page to the last the table had when the run began (a TID range scan each,
    /// PostgreSQL 14 or later): the rows are read in physical order once, as a single DELETE reads them. Finding them
    /// batch by batch through the time index instead re-finds each row by its primary key, at random in the heap: 14 ×
    /// one DELETE of them all at a million rows, and 22 × for unordered batches that rescan the table from its start.
    /// Rows added during the run sit past the last page or in freed space; they are new, not due.
    /// </summary>
    private async Task<int> DeleteInBatchesAsync(
        string table, string condition, long started, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var pages = await db.Database
            .SqlQuery<long>($"SELECT pg_relation_size({table}::regclass) / current_setting('block_size')::bigint AS \"Value\"")
            .SingleAsync(cancellationToken);
        var delete = "DELETE FROM " + table
            + " WHERE ctid >= format('(%s,0)', @first)::tid AND ctid < format('(%s,0)', @first + @pages)::tid AND " + condition;
        var total = 0;
        for (var first = 0L; first < pages && (first == 0 || clock.GetElapsedTime(started) < TimeBudget); first += PagesPerBatch)
        {
            NpgsqlParameter[] range = [new NpgsqlParameter<long>("first", first), new NpgsqlParameter<int>("pages", PagesPerBatch)];
            total += await db.Database.ExecuteSqlRawAsync(delete, [.. range, .. parameters.Select(p => p.Clone())], cancellationToken);
        }

        return total;
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Pruned {Sessions} sessions, {RefreshTokens} refresh tokens and {LoginFailures} login failures (time budget spent: {StoppedByTimeBudget})")]
    private static partial void LogPruned(ILogger logger, int sessions, int refreshTokens, int loginFailures, bool stoppedByTimeBudget);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Pruned {Registrations} unverified registrations, {PasswordResets} password-reset links and {RateLimitHits} rate-limit counts")]
    private static partial void LogPrunedAccountEmails(ILogger logger, int registrations, int passwordResets, int rateLimitHits);
}

public sealed record PruneReport(
    int Sessions,
    int RefreshTokens,
    int LoginFailures,
    bool StoppedByTimeBudget,
    int RateLimitHits = 0,
    int ExpiredRegistrations = 0,
    int ExpiredPasswordResets = 0);
