using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Notifications;

/// <summary>
/// The daily digest (profile preference <c>{"notifications": {"email": "daily"}}</c>, off by default): the timer's
/// set-based writing of the day's digests into the email outbox, and the one-click unsubscribe of their links.
/// </summary>
public sealed partial class NotificationDigestService(
    InFocusDbContext db,
    RateLimiter limiter,
    EmailOutbox outbox,
    IOptions<NotificationDigestOptions> options,
    IOptions<EmailLimitsOptions> emailLimits,
    TimeProvider clock,
    ILogger<NotificationDigestService> logger)
{
    /// <summary>The profile preference's path and values.</summary>
    public const string Daily = "daily";

    public const string Off = "off";

    /// <summary>
    /// Writes today's digest for every opted-in user with unread notifications created since their last digest, in
    /// batches of <see cref="NotificationDigestOptions.BatchSize"/>: per batch one transaction (the app-wide email
    /// budget's lock and count, one INSERT that picks the users and writes their digests, the budget's uses), then
    /// the queue messages and one statement marking them queued. At most one digest per user and UTC day, whatever
    /// runs at the same time: the (user, day) key decides, and the budget's lock serializes concurrent writers.
    /// Stops when nobody is left, the budget is spent, or after <see cref="NotificationDigestOptions.MaxBatchesPerRun"/>.
    /// </summary>
    public async Task<int> WriteDigestsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = 0;
        for (var batch = 0; batch < settings.MaxBatchesPerRun; batch++)
        {
            var messages = await WriteBatchAsync(settings.BatchSize, cancellationToken);
            await outbox.TryEnqueueAsync(messages, cancellationToken);
            total += messages.Count;
            if (messages.Count < settings.BatchSize)
            {
                break;
            }
        }

        LogWritten(logger, total);
        return total;
    }

    private async Task<List<EmailMessage>> WriteBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        var tokens = Enumerable.Range(0, batchSize).Select(_ => (Id: Cuid.NewId(), Token: SecureToken.Generate())).ToList();
        var byId = tokens.ToDictionary(t => t.Id, t => t.Token, StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var budget = emailLimits.Value.Budget;
        var remaining = await limiter.RemainingAsync(budget, cancellationToken);
        if (remaining == 0)
        {
            LogBudgetSpent(logger);
            return [];
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var ids = tokens.Select(t => t.Id).ToArray();
        var hashes = tokens.Select(t => SecureToken.Hash(t.Token)).ToArray();
        var written = await db.Database.SqlQuery<string>($"""
            WITH candidates AS (
                SELECT p.user_id, last.until AS since, row_number() OVER (ORDER BY p.user_id) AS n
                FROM profiles AS p
                LEFT JOIN LATERAL (
                    SELECT max(d.notifications_until) AS until FROM notification_digests AS d WHERE d.user_id = p.user_id) AS last ON true
                WHERE p.preferences -> 'notifications' ->> 'email' = {Daily}
                  AND NOT EXISTS (SELECT 1 FROM notification_digests AS d WHERE d.user_id = p.user_id AND d.digest_date = {today})
                  AND EXISTS (
                      SELECT 1 FROM notifications AS n
                      WHERE n.user_id = p.user_id AND n.read_at IS NULL AND n.created_at <= {now}
                        AND (last.until IS NULL OR n.created_at > last.until))
                ORDER BY p.user_id
                LIMIT {Math.Min(batchSize, remaining)})
            INSERT INTO notification_digests (id, user_id, digest_date, notifications_since, notifications_until, token_hash, email_status)
            SELECT t.id, c.user_id, {today}, c.since, {now}, t.token_hash, 'pending'
            FROM candidates AS c
            JOIN unnest({ids}, {hashes}) WITH ORDINALITY AS t(id, token_hash, n) ON t.n = c.n
            ON CONFLICT (user_id, digest_date) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        await limiter.RecordAsync(budget, written.Count, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written.Select(id => new EmailMessage(EmailKind.NotificationDigest, id, byId[id], 1)).ToList();
    }

    /// <summary>
    /// The unsubscribe page (<c>GET /api/unsubscribe?token=</c>): the address the link's digest went to; 404 for a
    /// token that is malformed or no digest's.
    /// </summary>
    public async Task<string> RecipientAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = HashOf(token);
        return await db.NotificationDigests.Where(d => d.TokenHash == hash).Select(d => d.User!.Email).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Link);
    }

    /// <summary>
    /// RFC 8058 one-click unsubscribe (<c>POST /api/unsubscribe?token=</c>, no sign-in: the token is the capability):
    /// sets the digest owner's <c>notifications.email</c> preference to <c>off</c>, keeping every other preference.
    /// One statement; the same again is a no-op that answers the same. Returns the address; 404 for an unknown token.
    /// </summary>
    public async Task<string> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var hash = HashOf(token);
        var emails = await db.Database.SqlQuery<string>($"""
            WITH owner AS (
                SELECT d.user_id, u.email FROM notification_digests AS d JOIN users AS u ON u.id = d.user_id WHERE d.token_hash = {hash}),
            updated AS (
                UPDATE profiles AS p
                SET preferences = p.preferences || jsonb_build_object('notifications',
                    CASE WHEN jsonb_typeof(p.preferences -> 'notifications') = 'object' THEN p.preferences -> 'notifications' ELSE jsonb_build_object() END
                    || jsonb_build_object('email', {Off}::text))
                FROM owner
                WHERE p.user_id = owner.user_id AND (p.preferences -> 'notifications' ->> 'email') IS DISTINCT FROM {Off}
                RETURNING p.id)
            SELECT owner.email AS "Value" FROM owner
            """).ToListAsync(cancellationToken);
        return emails.SingleOrDefault() ?? throw new NotFoundException(Link);
    }

    private const string Link = "The unsubscribe link";

    private static byte[] HashOf(string? token) =>
        SecureToken.HasValidShape(token) ? SecureToken.Hash(token!) : throw new NotFoundException(Link);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} notification digests")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The app-wide email budget is spent; the remaining digests wait for the next run")]
    private static partial void LogBudgetSpent(ILogger logger);
}
