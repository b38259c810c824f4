using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Notifications;

/// <summary>
/// One daily digest email of a user's unread notifications, and its own outbox record. Unique per (user, UTC day), so
/// a user gets at most one a day however many instances of the timer run. It covers the notifications created after
/// the previous digest's <see cref="NotificationsUntil"/> up to its own; the token its email carries (stored as
/// SHA-256 only) is the one-click unsubscribe link.
/// </summary>
public sealed class NotificationDigest : OutboxEntity
{
    public required string UserId { get; init; }

    /// <summary>The UTC day the digest is for.</summary>
    public required DateOnly DigestDate { get; init; }

    /// <summary>The notifications it covers were created after this (the previous digest's end; null: the first).</summary>
    public DateTimeOffset? NotificationsSince { get; init; }

    /// <summary>... and up to this time (when the digest was written).</summary>
    public required DateTimeOffset NotificationsUntil { get; init; }

    public User? User { get; init; }
}

internal sealed class NotificationDigestConfiguration : IEntityTypeConfiguration<NotificationDigest>
{
    public void Configure(EntityTypeBuilder<NotificationDigest> entity)
    {
        entity.ToTable("notification_digests");
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasIndex(e => new { e.UserId, e.DigestDate }).IsUnique().HasDatabaseName(Constraints.NotificationDigestUnique);
        entity.HasOutboxEmail(Constraints.NotificationDigestTokenUnique, Constraints.NotificationDigestTokenHashLength);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
