using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace InFocus.Domain.Webhooks;

/// <summary>
/// The delivery worker (the <c>DeliverWebhooks</c> timer): claims due pending deliveries of active webhooks in bounded
/// batches with a lease (<c>FOR UPDATE SKIP LOCKED</c>, so two instances never send one delivery at once), sends them
/// with no transaction open, then records every outcome of the batch in one statement: 2xx delivered; otherwise a
/// retry after exponential backoff with jitter, given up after <see cref="WebhookOptions.MaxAttempts"/>; the webhook's
/// failures in a row counted, and the webhook disabled at <see cref="WebhookOptions.DisableAfterFailures"/> with its
/// pending deliveries given up.
/// Three statements per batch whatever its size.
/// </summary>
public sealed partial class WebhookDeliverer(
    InFocusDbContext db,
    WebhookSender sender,
    MediaImages images,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDeliverer> logger)
{
    private WebhookOptions Options => options.Value;

    /// <summary>How long delivered and failed deliveries are kept (they show in <c>lastDeliveries</c>).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    /// <summary>
    /// The error of the pending deliveries a webhook still had when it was disabled: they are given up with it (and
    /// deleted after <see cref="Retention"/> like the others), except one another worker holds, which it records itself.
    /// </summary>
    public const string DisabledError = "Not sent: the webhook was disabled after repeated failures.";

    /// <summary>Finished deliveries one run deletes at most.</summary>
    public const int PruneBatchSize = 1_000;

    /// <summary>
    /// Deletes a bounded batch of deliveries finished more than <see cref="Retention"/> ago, then delivers batches until
    /// none is due or the run's time budget is spent; returns how many deliveries were attempted.
    /// </summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM webhook_deliveries
            WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE status <> 'pending' AND updated_at < now() - {Retention}
                ORDER BY updated_at
                LIMIT {PruneBatchSize})
            """, cancellationToken);
        var attempted = 0;
        while (true)
        {
            var batch = await DeliverBatchAsync(cancellationToken);
            attempted += batch;
            if (batch < Options.BatchSize || clock.GetElapsedTime(started) >= Options.RunTimeBudget)
            {
                return attempted;
            }
        }
    }

    /// <summary>Claims, sends and records one batch; returns its size.</summary>
    public async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var notificationIds = claimed.Select(c => c.NotificationId).Distinct().ToList();
        var notifications = (await db.Notifications.AsNoTracking()
                .Where(n => notificationIds.Contains(n.Id))
                .Select(NotificationService.NotificationRow.Projection)
                .ToListAsync(cancellationToken))
            .ToDictionary(n => n.Id, n => n.ToResponse(images));

        var attempts = new WebhookAttempt[claimed.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, claimed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var delivery = claimed[i];
                if (!notifications.TryGetValue(delivery.NotificationId, out var notification))
                {
                    // Deleted since the claim (its owner's account, say): the delivery goes with it by cascade.
                    attempts[i] = new WebhookAttempt(null, "The notification no longer exists.");
                    return;
                }

                var body = JsonSerializer.Serialize(new WebhookPayload(delivery.Id, delivery.Event, delivery.NotificationCreatedAt, notification), InFocusJson.Options);
                attempts[i] = await sender.SendAsync(new WebhookMessage(delivery.Id, delivery.Event, delivery.Url, delivery.Secret, body), token);
            });

        await RecordAsync(claimed, attempts, cancellationToken);
        var delivered = attempts.Count(a => a.Delivered);
        LogBatch(logger, claimed.Count, delivered, claimed.Count - delivered);
        return claimed.Count;
    }

    private Task<List<ClaimedDelivery>> ClaimAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQuery<ClaimedDelivery>($"""
            WITH due AS (
                SELECT d.id FROM webhook_deliveries AS d
                JOIN webhooks AS w ON w.id = d.webhook_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= now()
                  AND (d.lease_until IS NULL OR d.lease_until < now())
                  AND w.disabled_at IS NULL
                ORDER BY d.next_attempt_at, d.id
                LIMIT {Options.BatchSize}
                FOR UPDATE OF d SKIP LOCKED
            )
            UPDATE webhook_deliveries AS d
            SET lease_until = now() + {Options.Lease}, attempts = d.attempts + 1
            FROM due, webhooks AS w, notifications AS n
            WHERE d.id = due.id AND w.id = d.webhook_id AND n.id = d.notification_id
            RETURNING d.id, d.event, d.notification_id, n.created_at AS notification_created_at, d.webhook_id, d.attempts, w.url, w.secret
            """).ToListAsync(cancellationToken);

    private Task RecordAsync(List<ClaimedDelivery> claimed, WebhookAttempt[] attempts, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            """
            WITH r AS (
                SELECT * FROM unnest(@ids, @hooks, @ok, @codes, @errors, @delays) AS r(id, webhook_id, ok, code, error, delay)
            ),
            hooks AS (
                UPDATE webhooks AS w
                SET consecutive_failures = CASE WHEN s.delivered THEN 0 ELSE w.consecutive_failures + s.failed END,
                    disabled_at = CASE WHEN NOT s.delivered AND w.consecutive_failures + s.failed >= @disableAfter
                                       THEN coalesce(w.disabled_at, now()) ELSE w.disabled_at END
                FROM (SELECT webhook_id, bool_or(ok) AS delivered, (count(*) FILTER (WHERE NOT ok))::int AS failed FROM r GROUP BY webhook_id) AS s
                WHERE w.id = s.webhook_id
                RETURNING w.id, w.disabled_at IS NOT NULL AS disabled
            ),
            recorded AS (
                UPDATE webhook_deliveries AS d
                SET status = CASE WHEN r.ok THEN 'delivered' WHEN d.attempts >= @maxAttempts OR hooks.disabled THEN 'failed' ELSE 'pending' END,
                    delivered_at = CASE WHEN r.ok THEN now() END,
                    last_attempt_at = now(),
                    response_status = r.code,
                    error = r.error,
                    next_attempt_at = CASE WHEN r.ok THEN d.next_attempt_at ELSE now() + r.delay END,
                    lease_until = NULL
                FROM r JOIN hooks ON hooks.id = r.webhook_id
                WHERE d.id = r.id
            )
            UPDATE webhook_deliveries AS d
            SET status = 'failed', error = @disabledError
            FROM hooks
            WHERE hooks.disabled AND d.webhook_id = hooks.id AND d.status = 'pending' AND d.id <> ALL (@ids)
              AND (d.lease_until IS NULL OR d.lease_until < now())
            """,
            [
                Array("ids", claimed.Select(c => c.Id).ToArray(), NpgsqlDbType.Text),
                Array("hooks", claimed.Select(c => c.WebhookId).ToArray(), NpgsqlDbType.Text),
                Array("ok", attempts.Select(a => a.Delivered).ToArray(), NpgsqlDbType.Boolean),
                Array("codes", attempts.Select(a => a.Status).ToArray(), NpgsqlDbType.Integer),
                Array("errors", attempts.Select(a => a.Error is { Length: > FieldLimits.ErrorText } e ? e[..FieldLimits.ErrorText] : a.Error).ToArray(), NpgsqlDbType.Text),
                Array("delays", claimed.Select(c => RetryDelay(c.Attempts)).ToArray(), NpgsqlDbType.Interval),
                new NpgsqlParameter<int>("maxAttempts", Options.MaxAttempts),
                new NpgsqlParameter<int>("disableAfter", Options.DisableAfterFailures),
                new NpgsqlParameter<string>("disabledError", DisabledError),
            ],
            cancellationToken);

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: base × 2^(attempt − 1), capped, then between half and all of it.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var exponential = Options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = exponential < Options.MaxRetryDelay ? exponential : Options.MaxRetryDelay;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    private static NpgsqlParameter Array<T>(string name, T[] values, NpgsqlDbType elementType) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values };

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks: {Attempted} deliveries attempted, {Delivered} delivered, {Failed} failed")]
    private static partial void LogBatch(ILogger logger, int attempted, int delivered, int failed);

    private sealed record ClaimedDelivery(
        string Id, string Event, string NotificationId, DateTimeOffset NotificationCreatedAt, string WebhookId, int Attempts, string Url, string Secret);
}
