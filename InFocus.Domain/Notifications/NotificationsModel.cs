using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using InFocus.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> entity)
    {
        entity.ToTable("notifications");
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.HasEnumText(e => e.Type, "type");
        entity.Property(e => e.EventKey).HasMaxLength(FieldLimits.NotificationEventKey);
        entity.Property(e => e.ActorId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.FamilyId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.RecommendationId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Provider).HasMaxLength(FieldLimits.ProviderName);
        entity.Property(e => e.Region).HasMaxLength(FieldLimits.Region);
        entity.HasIndex(e => new { e.UserId, e.EventKey }).IsUnique().HasDatabaseName(Constraints.NotificationEventUnique);
        entity.HasIndex(e => new { e.UserId, e.CreatedAt, e.Id });
        entity.HasIndex(e => new { e.UserId, e.CreatedAt, e.Id }, "ix_notifications_unread").HasFilter("read_at IS NULL");
        entity.HasIndex(e => e.ActorId);
        entity.HasIndex(e => e.MediaItemId);
        entity.HasIndex(e => e.FamilyId);
        entity.HasIndex(e => e.RecommendationId);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        entity.HasOne(e => e.MediaItem).WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Family>().WithMany().HasForeignKey(e => e.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Recommendation>().WithMany().HasForeignKey(e => e.RecommendationId).OnDelete(DeleteBehavior.SetNull);
    }
}
