using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Accounts;

/// <summary>Ends sessions and revokes their refresh tokens, set-based, in one transaction.</summary>
public sealed class SessionRevocation(InFocusDbContext db, TimeProvider clock)
{
    /// <summary>Revokes the still-active sessions among <paramref name="sessions"/>; returns how many there were.</summary>
    public async Task<int> RevokeAsync(IQueryable<Session> sessions, SessionRevocationReason reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (ownTransaction)
        {
            var sessionIds = sessions.Select(s => s.Id);
            await db.RefreshTokens
                .Where(t => !t.Revoked && sessionIds.Contains(t.SessionId))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Revoked, true).SetProperty(t => t.RevokedAt, now), cancellationToken);
            var revoked = await sessions
                .Where(s => s.RevokedAt == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason),
                    cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return revoked;
        }
    }
}
