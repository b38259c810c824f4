using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace InFocus.Domain.Emails;

/// <summary>
/// Makes sure every issued token gets its email message on the queue. A request commits its row (an
/// <see cref="IOutboxEmail"/>) with <c>email_enqueued_at</c> null, writes the message, then sets the marker; no email is
/// sent inside a request. When the queue write fails the request still succeeds and <see cref="RequeueStrandedAsync"/>
/// (a timer) picks the row up: since the raw token is not stored, it issues a fresh one (the old one was never sent)
/// and enqueues that.
/// </summary>
public sealed partial class EmailOutbox(
    InFocusDbContext db,
    EmailSources sources,
    EmailQueue queue,
    TimeProvider clock,
    ILogger<EmailOutbox> logger)
{
    public const int BatchSize = 100;
    private const int MaxBatchesPerRun = 20;

    /// <summary>Enqueues the email of the row's current token; false (logged) when the queue could not be written.</summary>
    public async Task<bool> TryEnqueueAsync(EmailKind kind, IOutboxEmail row, string token, CancellationToken cancellationToken)
    {
        var message = new EmailMessage(kind, row.Id, token, row.SendCount);
        if (!await TrySendAsync(message, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await MarkEnqueuedAsync(sources.For(kind), [message], now, cancellationToken);
        row.EmailEnqueuedAt = now;
        return true;
    }

    /// <summary>
    /// Enqueues the emails of freshly committed rows of one kind (a batch job's), then marks those that reached the
    /// queue in one statement; the rest are left to the sweep. Returns how many were enqueued.
    /// </summary>
    public async Task<int> TryEnqueueAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken)
    {
        var enqueued = new List<EmailMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (!await TrySendAsync(message, cancellationToken))
            {
                break;
            }

            enqueued.Add(message);
        }

        foreach (var kind in enqueued.GroupBy(m => m.Kind))
        {
            await MarkEnqueuedAsync(sources.For(kind.Key), kind.ToList(), clock.GetUtcNow(), cancellationToken);
        }

        return enqueued.Count;
    }

    /// <summary>
    /// Re-enqueues rows of every kind whose message never reached the queue and that have not changed for
    /// <paramref name="grace"/> (so a request still between its commit and its queue write is left alone).
    /// Set-based in bounded batches; returns how many were enqueued.
    /// </summary>
    public async Task<int> RequeueStrandedAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var source in sources.All)
        {
            total += await RequeueStrandedAsync(source, grace, cancellationToken);
        }

        LogRequeued(logger, total);
        return total;
    }

    private async Task<int> RequeueStrandedAsync(IEmailSource source, TimeSpan grace, CancellationToken cancellationToken)
    {
        var total = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var now = clock.GetUtcNow();
            var select = $"""
                SELECT t.id AS "Value" FROM {source.Table} AS t
                WHERE {Stranded(source)}
                ORDER BY t.created_at
                LIMIT {BatchSize}
                """;
            var ids = await db.Database.SqlQueryRaw<string>(select, Now(now), Grace(grace)).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var messages = await ReissueAsync(source, ids, now, grace, cancellationToken);
            var enqueued = new List<EmailMessage>(messages.Count);
            foreach (var message in messages)
            {
                if (!await TrySendAsync(message, cancellationToken))
                {
                    break;
                }

                enqueued.Add(message);
            }

            await MarkEnqueuedAsync(source, enqueued, now, cancellationToken);
            total += enqueued.Count;
            if (enqueued.Count < messages.Count || ids.Count < BatchSize)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>
    /// New tokens for the stranded rows, in one statement that re-checks they are still stranded: one resent or
    /// renewed meanwhile has changed since (its own request is enqueueing it) and is left to that request.
    /// </summary>
    private async Task<List<EmailMessage>> ReissueAsync(
        IEmailSource source, List<string> ids, DateTimeOffset now, TimeSpan grace, CancellationToken cancellationToken)
    {
        var tokens = ids.ToDictionary(id => id, _ => SecureToken.Generate(), StringComparer.Ordinal);
        var hashes = ids.Select(id => SecureToken.Hash(tokens[id])).ToArray();
        var update = $"""
            UPDATE {source.Table} AS t
            SET token_hash = v.token_hash, send_count = t.send_count + 1, email_lease_until = NULL
            FROM unnest(@ids, @hashes) AS v(id, token_hash)
            WHERE t.id = v.id AND {Stranded(source)}
            RETURNING t.id, t.send_count
            """;
        var reissued = await db.Database.SqlQueryRaw<ReissuedRow>(
                update,
                Array("ids", ids.ToArray(), NpgsqlDbType.Text),
                Array("hashes", hashes, NpgsqlDbType.Bytea),
                Now(now),
                Grace(grace))
            .ToListAsync(cancellationToken);
        return reissued.Select(r => new EmailMessage(source.Kind, r.Id, tokens[r.Id], r.SendCount)).ToList();
    }

    /// <summary>Sets the outbox marker, only where the token is still the one the message carries.</summary>
    private async Task MarkEnqueuedAsync(
        IEmailSource source, IReadOnlyCollection<EmailMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        var update = $"""
            UPDATE {source.Table} AS t SET email_enqueued_at = @now
            FROM unnest(@ids, @send_counts) AS v(id, send_count)
            WHERE t.id = v.id AND t.send_count = v.send_count
            """;
        await db.Database.ExecuteSqlRawAsync(
            update,
            [
                Now(now),
                Array("ids", messages.Select(m => m.Id).ToArray(), NpgsqlDbType.Text),
                Array("send_counts", messages.Select(m => m.SendCount).ToArray(), NpgsqlDbType.Integer),
            ],
            cancellationToken);
    }

    private async Task<bool> TrySendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendAsync(message, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The row is committed; the sweep will enqueue it once the queue answers again.
            LogEnqueueFailed(logger, message.IdempotencyKey, e);
            return false;
        }
    }

    /// <summary>Never enqueued, email still pending, still wanted, and unchanged for the grace period.</summary>
    private static string Stranded(IEmailSource source) =>
        $"t.email_enqueued_at IS NULL AND t.email_status = 'pending' AND ({source.WantsEmail}) AND t.updated_at < now() - @grace";

    private static NpgsqlParameter Now(DateTimeOffset now) => new("now", now);

    private static NpgsqlParameter Grace(TimeSpan grace) => new("grace", grace);

    private static NpgsqlParameter Array<T>(string name, T[] values, NpgsqlDbType elementType) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values };

    /// <summary>A row of the reissue's RETURNING clause (columns in the model's snake_case).</summary>
    private sealed record ReissuedRow(string Id, int SendCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailKey} could not be queued; the outbox sweep will retry")]
    private static partial void LogEnqueueFailed(ILogger logger, string emailKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Requeued {Count} stranded emails")]
    private static partial void LogRequeued(ILogger logger, int count);
}
