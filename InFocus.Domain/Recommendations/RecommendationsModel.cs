using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Recommendations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> entity)
    {
        entity.ToTable("recommendations", t =>
            t.HasCheckConstraint(Constraints.RecommendationNotToSelf, "recommended_by_id <> recommended_to_id"));
        entity.HasCuidKey();
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.RecommendedById).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.RecommendedToId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Message).HasMaxLength(FieldLimits.RecommendationMessage);
        entity.HasEnumText(e => e.Status, "status");
        entity.HasIndex(e => e.MediaItemId);
        entity.HasIndex(e => e.Status);
        entity.HasIndex(e => new { e.RecommendedToId, e.Status, e.CreatedAt, e.Id });
        entity.HasIndex(e => new { e.RecommendedById, e.Status, e.CreatedAt, e.Id });
        entity.HasIndex(e => new { e.RecommendedById, e.RecommendedToId, e.MediaItemId })
            .IsUnique()
            .HasFilter("status = 'pending'")
            .HasDatabaseName(Constraints.RecommendationPendingUnique);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.MediaItem).WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.RecommendedBy).WithMany().HasForeignKey(e => e.RecommendedById).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.RecommendedTo).WithMany().HasForeignKey(e => e.RecommendedToId).OnDelete(DeleteBehavior.Cascade);
    }
}
