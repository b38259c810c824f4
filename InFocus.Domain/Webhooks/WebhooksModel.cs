using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Webhooks;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> entity)
    {
        entity.ToTable("webhooks");
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Url).HasMaxLength(FieldLimits.Url);
        entity.Property(e => e.Events).HasColumnType("text[]");
        entity.Property(e => e.Secret).HasMaxLength(FieldLimits.WebhookSecret);
        entity.HasIndex(e => new { e.UserId, e.Url }).IsUnique().HasDatabaseName(Constraints.WebhookUrlUnique);
        entity.HasIndex(e => new { e.UserId, e.CreatedAt, e.Id });
        entity.ToTable(t => t.HasCheckConstraint(Constraints.WebhookEventsNotEmpty, "cardinality(events) > 0"));
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> entity)
    {
        entity.ToTable("webhook_deliveries");
        entity.HasCuidKey();
        entity.Property(e => e.WebhookId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.NotificationId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Event).HasMaxLength(FieldLimits.WebhookEvent);
        entity.HasEnumText(e => e.Status, "status");
        entity.Property(e => e.Error).HasMaxLength(FieldLimits.ErrorText);
        entity.HasIndex(e => new { e.WebhookId, e.NotificationId }).IsUnique().HasDatabaseName(Constraints.WebhookDeliveryUnique);
        entity.HasIndex(e => new { e.WebhookId, e.CreatedAt, e.Id });
        entity.HasIndex(e => e.NotificationId);
        // What the delivery worker claims: the due pending deliveries, soonest first.
        entity.HasIndex(e => new { e.NextAttemptAt, e.Id }, "ix_webhook_deliveries_due").HasFilter("status = 'pending'");
        // What the delivery function prunes: finished deliveries, oldest first.
        entity.HasIndex(e => e.UpdatedAt, "ix_webhook_deliveries_finished").HasFilter("status <> 'pending'");
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.Webhook).WithMany(w => w.Deliveries).HasForeignKey(e => e.WebhookId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.Notification).WithMany().HasForeignKey(e => e.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
