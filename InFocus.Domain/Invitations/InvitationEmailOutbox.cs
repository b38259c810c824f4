using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace InFocus.Domain.Invitations;

/// <summary>
/// Makes sure every issued invitation gets its email message on the queue. The invitation is committed with
/// <c>email_enqueued_at</c> null, the message is written, then the marker is set. When the queue write fails the
/// request still succeeds and <see cref="RequeueStrandedAsync"/> (a timer) picks the invitation up: since the raw
/// token is not stored, it issues a fresh one (the old link was never sent) and enqueues that.
/// </summary>
public sealed partial class InvitationEmailOutbox(
    InFocusDbContext db,
    InvitationEmailQueue queue,
    TimeProvider clock,
    ILogger<InvitationEmailOutbox> logger)
{
    public const int BatchSize = 100;
    private const int MaxBatchesPerRun = 20;

    /// <summary>Enqueues the email of the invitation's current token; false (logged) when the queue could not be written.</summary>
    public async Task<bool> TryEnqueueAsync(FamilyInvitation invitation, string token, CancellationToken cancellationToken)
    {
        var message = new InvitationEmailMessage(invitation.Id, token, invitation.SendCount);
        if (!await TrySendAsync(message, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await MarkEnqueuedAsync([message], now, cancellationToken);
        invitation.EmailEnqueuedAt = now;
        return true;
    }

    /// <summary>
    /// Re-enqueues pending invitations whose message never reached the queue and that have not changed for
    /// <paramref name="grace"/> (so a request still between its commit and its queue write is left alone).
    /// Set-based in bounded batches; returns how many were enqueued.
    /// </summary>
    public async Task<int> RequeueStrandedAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var total = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var now = clock.GetUtcNow();
            var ids = await db.Database.SqlQuery<string>($"""
                SELECT id AS "Value" FROM family_invitations
                WHERE email_enqueued_at IS NULL AND status = 'pending' AND email_status = 'pending'
                  AND expires_at > {now} AND updated_at < now() - {grace}
                ORDER BY created_at
                LIMIT {BatchSize}
                """).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var messages = await ReissueAsync(ids, now, grace, cancellationToken);
            var enqueued = new List<InvitationEmailMessage>(messages.Count);
            foreach (var message in messages)
            {
                if (!await TrySendAsync(message, cancellationToken))
                {
                    break;
                }

                enqueued.Add(message);
            }

            await MarkEnqueuedAsync(enqueued, now, cancellationToken);
            total += enqueued.Count;
            if (enqueued.Count < messages.Count || ids.Count < BatchSize)
            {
                break;
            }
        }

        LogRequeued(logger, total);
        return total;
    }

    /// <summary>
    /// New tokens for the stranded invitations, in one statement that re-checks they are still stranded: one resent or
    /// renewed meanwhile has changed since (its own request is enqueueing it) and is left to that request.
    /// </summary>
    private async Task<List<InvitationEmailMessage>> ReissueAsync(
        List<string> ids, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        var tokens = ids.ToDictionary(id => id, _ => SecureToken.Generate(), StringComparer.Ordinal);
        var hashes = ids.Select(id => SecureToken.Hash(tokens[id])).ToArray();
        var reissued = await db.Database.SqlQuery<ReissuedRow>($"""
            UPDATE family_invitations AS i
            SET token_hash = v.token_hash, send_count = i.send_count + 1
            FROM unnest({Array(ids.ToArray(), NpgsqlDbType.Text)}, {Array(hashes, NpgsqlDbType.Bytea)}) AS v(id, token_hash)
            WHERE i.id = v.id AND i.email_enqueued_at IS NULL AND i.status = 'pending' AND i.email_status = 'pending'
              AND i.expires_at > {now} AND i.updated_at < now() - {grace}
            RETURNING i.id, i.send_count
            """).ToListAsync(cancellationToken);
        return reissued.Select(r => new InvitationEmailMessage(r.Id, tokens[r.Id], r.SendCount)).ToList();
    }

    /// <summary>Sets the outbox marker, only where the token is still the one the message carries.</summary>
    private async Task MarkEnqueuedAsync(IReadOnlyCollection<InvitationEmailMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            UPDATE family_invitations AS i SET email_enqueued_at = {now}
            FROM unnest({Array(messages.Select(m => m.InvitationId).ToArray(), NpgsqlDbType.Text)},
                        {Array(messages.Select(m => m.SendCount).ToArray(), NpgsqlDbType.Integer)}) AS v(id, send_count)
            WHERE i.id = v.id AND i.send_count = v.send_count
            """, cancellationToken);
    }

    private async Task<bool> TrySendAsync(InvitationEmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The invitation is committed; the sweep will enqueue it once the queue answers again.
            LogEnqueueFailed(logger, message.InvitationId, e);
            return false;
        }
    }

    private static NpgsqlParameter Array<T>(T[] values, NpgsqlDbType elementType) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };

    /// <summary>A row of the reissue's RETURNING clause (columns in the model's snake_case).</summary>
    private sealed record ReissuedRow(string Id, int SendCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email of invitation {InvitationId} could not be queued; the outbox sweep will retry")]
    private static partial void LogEnqueueFailed(ILogger logger, string invitationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued the emails of {Count} stranded invitations")]
    private static partial void LogRequeued(ILogger logger, int count);
}
