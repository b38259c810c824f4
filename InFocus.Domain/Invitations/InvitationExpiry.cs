using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Invitations;

/// <summary>Marks pending invitations past their expiry as expired: set-based, in bounded batches.</summary>
public sealed partial class InvitationExpiry(InFocusDbContext db, TimeProvider clock, ILogger<InvitationExpiry> logger)
{
    /// <summary>
    /// Rows per update, and at most a million per run: a million due invitations take about as long as one UPDATE of
    /// them all, and no batch holds its locks for long (scripts/jobs-benchmark.sh; docs/performance.md, "Background jobs").
    /// </summary>
    public const int BatchSize = 5_000;
    private const int MaxBatchesPerRun = 200;

    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var total = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var due = db.FamilyInvitations
                .Where(i => i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
                .OrderBy(i => i.ExpiresAt)
                .Take(BatchSize)
                .Select(i => i.Id);
            // The status is checked again on the row being updated, so an invitation accepted meanwhile stays accepted.
            var expired = await db.FamilyInvitations
                .Where(i => due.Contains(i.Id) && i.Status == InvitationStatus.Pending && i.ExpiresAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Expired), cancellationToken);
            total += expired;
            if (expired < BatchSize)
            {
                break;
            }
        }

        LogExpired(logger, total);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} invitations")]
    private static partial void LogExpired(ILogger logger, int count);
}
