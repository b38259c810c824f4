using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Imports;

/// <summary>
/// Imports no queue message will move on get one, oldest first, a bounded batch per run: those still <c>queued</c> and
/// unchanged for <c>queuedGrace</c> (their message never left: the queue did not answer at upload), and those
/// <c>running</c> without a live lease and unchanged for <c>runningGrace</c> (their run died and its message is gone,
/// or the host gave up on it after <c>maxDequeueCount</c> failures and put it on the poison queue). The next claim counts
/// the attempt, so an import that keeps failing ends as <c>failed</c> (<see cref="ImportOptions.MaxAttempts"/>). A
/// message too many is harmless: a run claims the import with its lease, and a second message finds it claimed or done.
/// </summary>
public sealed partial class ImportSweep(InFocusDbContext db, ImportStorage storage, ILogger<ImportSweep> logger)
{
    public const int BatchSize = 100;

    /// <summary>Enqueues the stranded imports; returns how many. A queue still down fails the run, and the next one retries.</summary>
    public async Task<int> RequeueStrandedAsync(TimeSpan queuedGrace, TimeSpan runningGrace, CancellationToken cancellationToken)
    {
        var queued = SnakeCaseEnum<ImportStatus>.ToName(ImportStatus.Queued);
        var running = SnakeCaseEnum<ImportStatus>.ToName(ImportStatus.Running);
        var ids = await db.Database.SqlQuery<string>($"""
            SELECT id AS "Value" FROM imports
            WHERE status IN ('queued', 'running')
              AND (status = {queued} AND updated_at < now() - {queuedGrace}
                   OR status = {running} AND updated_at < now() - {runningGrace} AND (lease_until IS NULL OR lease_until < now()))
            ORDER BY updated_at, id
            LIMIT {BatchSize}
            """).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await storage.EnqueueAsync(id, cancellationToken);
        }

        if (ids.Count > 0)
        {
            // Touched (updated_at becomes now), so the next sweep gives the new messages the grace period too.
            await db.Imports
                .Where(i => ids.Contains(i.Id) && (i.Status == ImportStatus.Queued || i.Status == ImportStatus.Running))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, i => i.LeaseUntil), cancellationToken);
            LogRequeued(logger, ids.Count);
        }

        return ids.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} stranded imports")]
    private static partial void LogRequeued(ILogger logger, int count);
}
