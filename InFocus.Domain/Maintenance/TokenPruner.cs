using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Maintenance;

/// <summary>
/// The daily clean-up of sign-in data: expired sessions (their refresh tokens go with them), refresh tokens that
/// expired or were revoked more than 30 days ago (kept that long so reuse of a rotated token is still recognised),
/// login failures and rate-limit counts older than a day (the longest window), registrations never verified before
/// their link expired, and password-reset links past their expiry. Deletes in bounded set-based batches,
/// each its own short statement, until a batch comes back short or the time budget is spent.
/// </summary>
public sealed partial class TokenPruner(InFocusDbContext db, TimeProvider clock, ILogger<TokenPruner> logger)
{
    /// <summary>
    /// Rows per delete: large enough that a million rows take about as long as one DELETE of them all, small enough
    /// that no batch holds its locks for long (scripts/jobs-benchmark.sh; docs/performance.md, "Background jobs").
    /// </summary>
    public const int BatchSize = 10_000;
    public static readonly TimeSpan RevokedTokenRetention = TimeSpan.FromDays(30);
    public static readonly TimeSpan LoginFailureRetention = TimeSpan.FromDays(1);
    public static readonly TimeSpan TimeBudget = TimeSpan.FromMinutes(5);

    public async Task<PruneReport> PruneAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var retained = now - RevokedTokenRetention;
        var failuresBefore = now - LoginFailureRetention;

        // "Expired" comes first in each filter so the expires_at index bounds the scan; revoked-but-unexpired rows
        // can never qualify (revocation happens before expiry).
        var refreshTokens = await DeleteInBatchesAsync(
            db.RefreshTokens.Where(t => t.ExpiresAt < now && (t.ExpiresAt < retained || t.RevokedAt < retained)).OrderBy(t => t.ExpiresAt),
            started,
            cancellationToken);
        var sessions = await DeleteInBatchesAsync(db.Sessions.Where(s => s.ExpiresAt < now).OrderBy(s => s.ExpiresAt), started, cancellationToken);
        var loginFailures = await DeleteInBatchesAsync(
            db.LoginFailures.Where(f => f.AttemptedAt < failuresBefore).OrderBy(f => f.AttemptedAt), started, cancellationToken);
        var rateLimitHits = await DeleteInBatchesAsync(db.RateLimitHits.Where(h => h.At < failuresBefore).OrderBy(h => h.At), started, cancellationToken);
        var registrations = await DeleteInBatchesAsync(
            db.PendingRegistrations.Where(r => r.ExpiresAt < now).OrderBy(r => r.ExpiresAt), started, cancellationToken);
        var resets = await DeleteInBatchesAsync(db.PasswordResets.Where(r => r.ExpiresAt < now).OrderBy(r => r.ExpiresAt), started, cancellationToken);

        var report = new PruneReport(
            sessions, refreshTokens, loginFailures, clock.GetElapsedTime(started) >= TimeBudget, rateLimitHits, registrations, resets);
        LogPruned(logger, report.Sessions, report.RefreshTokens, report.LoginFailures, report.StoppedByTimeBudget);
        LogPrunedAccountEmails(logger, registrations, resets, rateLimitHits);
        return report;
    }

    /// <summary>
    /// Deletes <paramref name="rows"/> a batch at a time, each batch the first ones in the order of the time index:
    /// walking the index, a batch skips the entries of the batches before it cheaply (PostgreSQL marks them dead on
    /// the first pass), where an unordered batch would scan the table from its start through every row deleted so
    /// far, each time (at a million rows, 22 × one DELETE of them all instead of about 1 ×; scripts/jobs-benchmark.sh).
    /// </summary>
    private async Task<int> DeleteInBatchesAsync<T>(IOrderedQueryable<T> rows, long started, CancellationToken cancellationToken)
        where T : Entity
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await rows.Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize && clock.GetElapsedTime(started) < TimeBudget);

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
