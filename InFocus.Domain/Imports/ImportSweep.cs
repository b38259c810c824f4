using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Imports;

/// <summary>
/// Imports whose queue message never left (the queue did not answer when they were uploaded) get one: those still
/// <c>queued</c> and unchanged for the grace period, oldest first, a bounded batch per run. A message too many is
/// harmless: a run claims the import with its lease, and a second message finds it claimed or done.
/// </summary>
public sealed partial class ImportSweep(InFocusDbContext db, ImportStorage storage, ILogger<ImportSweep> logger)
{
    public const int BatchSize = 100;

    /// <summary>Enqueues the stranded imports; returns how many. A queue still down fails the run, and the next one retries.</summary>
    public async Task<int> RequeueStrandedAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var queued = SnakeCaseEnum<ImportStatus>.ToName(ImportStatus.Queued);
        var ids = await db.Database.SqlQuery<string>($"""
            SELECT id AS "Value" FROM imports
            WHERE status = {queued} AND updated_at < now() - {grace}
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
                .Where(i => ids.Contains(i.Id) && i.Status == ImportStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, i => i.LeaseUntil), cancellationToken);
            LogRequeued(logger, ids.Count);
        }

        return ids.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} stranded imports")]
    private static partial void LogRequeued(ILogger logger, int count);
}
