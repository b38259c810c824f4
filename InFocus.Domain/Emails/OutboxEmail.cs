using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Emails;

/// <summary>
/// A row that is its own outbox record: the state of the one email its current token needs. Every table of the
/// outbox (<see cref="IEmailSource.Table"/>) has these columns under the same names, so one delivery, one sweep and
/// one lease protocol serve them all.
/// </summary>
public interface IOutboxEmail
{
    string Id { get; }

    DateTimeOffset CreatedAt { get; }

    /// <summary>SHA-256 of the token the current email carries.</summary>
    byte[] TokenHash { get; set; }

    /// <summary>How many tokens have been issued; part of the email's idempotency key, so a resend is a new email.</summary>
    int SendCount { get; set; }

    EmailDeliveryStatus EmailStatus { get; set; }

    /// <summary>When the message for the current token was written to the queue; null until then (what the sweep looks for).</summary>
    DateTimeOffset? EmailEnqueuedAt { get; set; }

    /// <summary>
    /// Until when a delivery holds the email (claimed and released in short statements, never across the network call);
    /// another delivery of the same send that finds it held defers itself until it expires.
    /// </summary>
    DateTimeOffset? EmailLeaseUntil { get; set; }

    DateTimeOffset? EmailSentAt { get; set; }

    /// <summary>Why the last attempt failed, for the people who can see the row (a family's admins).</summary>
    string? EmailError { get; set; }
}

/// <summary>An entity that is its own outbox record: the <see cref="IOutboxEmail"/> columns, with their defaults.</summary>
public abstract class OutboxEntity : Entity, IOutboxEmail
{
    public required byte[] TokenHash { get; set; }

    public int SendCount { get; set; } = 1;

    public EmailDeliveryStatus EmailStatus { get; set; } = EmailDeliveryStatus.Pending;

    public DateTimeOffset? EmailEnqueuedAt { get; set; }

    public DateTimeOffset? EmailLeaseUntil { get; set; }

    public DateTimeOffset? EmailSentAt { get; set; }

    public string? EmailError { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}

public enum EmailDeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

public static class OutboxEmail
{
    /// <summary>A new token for the row: its email is still to send, and the old token's message is stale.</summary>
    public static void Reissue(IOutboxEmail row, string token)
    {
        row.TokenHash = SecureToken.Hash(token);
        row.SendCount++;
        row.EmailStatus = EmailDeliveryStatus.Pending;
        row.EmailEnqueuedAt = null;
        row.EmailLeaseUntil = null;
        row.EmailSentAt = null;
        row.EmailError = null;
    }

    /// <summary>Maps the outbox columns alike on every table (token hash unique and 32 bytes, the sweep's index).</summary>
    internal static void HasOutboxEmail<T>(this EntityTypeBuilder<T> entity, string tokenUnique, string tokenHashLength)
        where T : class, IOutboxEmail
    {
        var table = entity.Metadata.GetTableName();
        entity.ToTable(t => t.HasCheckConstraint(tokenHashLength, "octet_length(token_hash) = 32"));
        entity.HasIndex(e => e.TokenHash).IsUnique().HasDatabaseName(tokenUnique);
        entity.Property(e => e.EmailError).HasMaxLength(FieldLimits.ErrorText);
        entity.Property(e => e.SendCount).HasDefaultValue(1);
        entity.HasEnumText(e => e.EmailStatus, "email_status");
        // The outbox sweep looks for rows whose email was never put on the queue.
        entity.HasIndex(e => e.CreatedAt).HasFilter("email_enqueued_at IS NULL").HasDatabaseName($"ix_{table}_not_enqueued");
    }
}
