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
    public const int BatchSize = 1_000;
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
            db.RefreshTokens.Where(t => t.ExpiresAt < now && (t.ExpiresAt < retained || t.RevokedAt < retained)), started, cancellationToken);
        var sessions = await DeleteInBatchesAsync(db.Sessions.Where(s => s.ExpiresAt < now), started, cancellationToken);
        var loginFailures = await DeleteInBatchesAsync(db.LoginFailures.Where(f => f.AttemptedAt < failuresBefore), started, cancellationToken);
        var rateLimitHits = await DeleteInBatchesAsync(db.RateLimitHits.Where(h => h.At < failuresBefore), started, cancellationToken);
        var registrations = await DeleteInBatchesAsync(db.PendingRegistrations.Where(r => r.ExpiresAt < now), started, cancellationToken);
        var resets = await DeleteInBatchesAsync(db.PasswordResets.Where(r => r.ExpiresAt < now), started, cancellationToken);

        var report = new PruneReport(
            sessions, refreshTokens, loginFailures, clock.GetElapsedTime(started) >= TimeBudget, rateLimitHits, registrations, resets);
        LogPruned(logger, report.Sessions, report.RefreshTokens, report.LoginFailures, report.StoppedByTimeBudget);
        LogPrunedAccountEmails(logger, registrations, resets, rateLimitHits);
        return report;
    }

    private async Task<int> DeleteInBatchesAsync<T>(IQueryable<T> rows, long started, CancellationToken cancellationToken)
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
