using InFocus.Domain.Common;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InFocus.Domain.Emails;

/// <summary>
/// Sends the email a queue message asks for, at most once per row and token issue, and records the outcome on the row.
/// <para>
/// No transaction or connection is held during the network call. A delivery claims the row's lease
/// (<c>email_lease_until</c>) in one short statement that also re-checks the message is current (same token and
/// <c>SendCount</c>, the row still wants its email, not already sent); it composes, sends, then marks the row sent or
/// failed and releases the lease in a second short statement. A second delivery of the same message that finds the
/// lease held (a redelivery while the first is still sending) does not fail: it puts the message back on the queue,
/// invisible until the lease expires, and returns. Then it finds the email sent (and sends nothing) or, if the first
/// delivery died, takes over. A resend issues a new token and <c>SendCount</c>, which makes older messages stale.
/// </para>
/// <para>
/// The choice is at-least-once: "sent" is written right after the provider accepted the email, so a duplicate is
/// possible only if the process dies in that instant (or holds the lease past <see cref="Lease"/>, which is longer than
/// any provider call may take). With ACS even that window is closed: the Operation-Id is derived from the idempotency
/// key, and the service sends an operation once.
/// </para>
/// A failed attempt is recorded (<c>email_status = failed</c>, a short error) and rethrown, so the host retries and
/// after <c>maxDequeueCount</c> attempts moves the message to the poison queue; a later success or a resend clears it.
/// </summary>
public sealed partial class EmailDelivery(
    InFocusDbContext db,
    EmailSources sources,
    IEmailSender sender,
    EmailQueue queue,
    TimeProvider clock,
    ILogger<EmailDelivery> logger)
{
    /// <summary>Longer than the slowest provider call (ACS: 30 s per request, at most 2 minutes of polling).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Added to the rest of a busy lease before a deferred message comes back.</summary>
    private static readonly TimeSpan DeferMargin = TimeSpan.FromSeconds(1);

    public async Task DeliverAsync(string queueMessage, CancellationToken cancellationToken)
    {
        if (EmailMessage.TryParse(queueMessage) is not { } message)
        {
            LogMalformed(logger);
            return;
        }

        var source = sources.For(message.Kind);
        var now = clock.GetUtcNow();
        var claim = await ClaimAsync(source, message, now, cancellationToken);
        if (claim is null)
        {
            LogStale(logger, message.IdempotencyKey);
            return;
        }

        if (claim.Status == SnakeCaseEnum<EmailDeliveryStatus>.ToName(EmailDeliveryStatus.Sent))
        {
            LogAlreadySent(logger, message.IdempotencyKey);
            return;
        }

        if (!claim.Claimed)
        {
            var delay = claim.LeaseUntil!.Value - now + DeferMargin;
            await queue.SendAsync(message, cancellationToken, delay);
            LogDeferred(logger, message.IdempotencyKey, delay.TotalSeconds);
            return;
        }

        OutgoingEmail? email;
        try
        {
            email = await source.ComposeAsync(message, cancellationToken);
        }
        catch
        {
            await FinishAsync(source, message, "email_lease_until = NULL", [], CancellationToken.None);
            throw;
        }

        if (email is null)
        {
            await FinishAsync(source, message, "email_lease_until = NULL", [], cancellationToken);
            LogStale(logger, message.IdempotencyKey);
            return;
        }

        try
        {
            await sender.SendAsync(email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(
                source,
                message,
                "email_status = 'failed', email_error = @error, email_lease_until = NULL",
                [new NpgsqlParameter("error", ErrorText(e))],
                CancellationToken.None);
            LogFailed(logger, message.IdempotencyKey, e);
            throw;
        }

        await FinishAsync(
            source,
            message,
            "email_status = 'sent', email_sent_at = @now, email_error = NULL, email_lease_until = NULL",
            [new NpgsqlParameter("now", clock.GetUtcNow())],
            CancellationToken.None);
        LogSent(logger, message.IdempotencyKey);
    }

    /// <summary>
    /// One statement: locks the message's row if it is still current and wants its email, and takes the lease when it
    /// is free and the email not sent yet. Null when the message is stale; otherwise the row's state and whether this
    /// delivery now holds the lease.
    /// </summary>
    private async Task<ClaimRow?> ClaimAsync(IEmailSource source, EmailMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH target AS (
                SELECT t.id, t.email_status, t.email_lease_until FROM {source.Table} AS t
                WHERE t.id = @id AND t.send_count = @send_count AND t.token_hash = @token_hash AND ({source.WantsEmail})
                FOR UPDATE),
            claimed AS (
                UPDATE {source.Table} AS t SET email_lease_until = @lease_until FROM target
                WHERE t.id = target.id AND target.email_status <> 'sent'
                  AND (target.email_lease_until IS NULL OR target.email_lease_until <= @now)
                RETURNING t.id)
            SELECT target.email_status AS status, target.email_lease_until AS lease_until,
                   EXISTS (SELECT 1 FROM claimed) AS claimed
            FROM target
            """;
        var rows = await db.Database.SqlQueryRaw<ClaimRow>(
                sql,
                new NpgsqlParameter("id", message.Id),
                new NpgsqlParameter("send_count", message.SendCount),
                new NpgsqlParameter("token_hash", SecureToken.Hash(message.Token)),
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("lease_until", now + Lease))
            .ToListAsync(cancellationToken);
        return rows.SingleOrDefault();
    }

    /// <summary>Writes the outcome (and releases the lease) on the send the message is for; a newer send is left alone.</summary>
    private async Task FinishAsync(
        IEmailSource source, EmailMessage message, string assignments, NpgsqlParameter[] values, CancellationToken cancellationToken)
    {
        var sql = $"UPDATE {source.Table} SET {assignments} WHERE id = @id AND send_count = @send_count";
        await db.Database.ExecuteSqlRawAsync(
            sql,
            [.. values, new NpgsqlParameter("id", message.Id), new NpgsqlParameter("send_count", message.SendCount)],
            cancellationToken);
    }

    /// <summary>What admins see: the provider's explanation, bounded, never a stack trace or a secret.</summary>
    private static string ErrorText(Exception e)
    {
        var text = e is EmailDeliveryException ? e.Message : $"Sending failed unexpectedly ({e.GetType().Name}).";
        return text.Length <= FieldLimits.ErrorText ? text : text[..FieldLimits.ErrorText];
    }

    /// <summary>A row of the claim statement (columns in the model's snake_case).</summary>
    private sealed record ClaimRow(string Status, DateTimeOffset? LeaseUntil, bool Claimed);

    [LoggerMessage(Level = LogLevel.Error, Message = "An email message could not be read; it is dropped")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailKey} is no longer current; nothing sent")]
    private static partial void LogStale(ILogger logger, string emailKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailKey} was already sent; nothing sent again")]
    private static partial void LogAlreadySent(ILogger logger, string emailKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailKey} is being sent by another delivery; deferred by {Seconds} s")]
    private static partial void LogDeferred(ILogger logger, string emailKey, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email {EmailKey}")]
    private static partial void LogSent(ILogger logger, string emailKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email {EmailKey} failed")]
    private static partial void LogFailed(ILogger logger, string emailKey, Exception exception);
}
