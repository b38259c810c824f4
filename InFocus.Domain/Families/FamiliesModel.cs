using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Families;

internal sealed class FamilyConfiguration : IEntityTypeConfiguration<Family>
{
    public void Configure(EntityTypeBuilder<Family> entity)
    {
        entity.ToTable("families", t => t.HasCheckConstraint(Constraints.FamilyRegionCode, "region ~ '^[A-Z]{2}$'"));
        entity.Property(e => e.Region).HasMaxLength(FieldLimits.Region);
        entity.HasCuidKey();
        entity.Property(e => e.Name).HasMaxLength(FieldLimits.FamilyName);
        entity.Property(e => e.CreatedById).HasMaxLength(FieldLimits.Id);
        entity.HasIndex(e => e.CreatedById);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.CreatedBy).WithMany().HasForeignKey(e => e.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FamilyMembershipConfiguration : IEntityTypeConfiguration<FamilyMembership>
{
    public void Configure(EntityTypeBuilder<FamilyMembership> entity)
    {
        entity.ToTable("family_memberships");
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.FamilyId).HasMaxLength(FieldLimits.Id);
        entity.HasEnumText(e => e.Role, "role");
        entity.HasIndex(e => new { e.UserId, e.FamilyId }).IsUnique().HasDatabaseName(Constraints.MembershipUnique);
        entity.HasIndex(e => new { e.FamilyId, e.Role });
        entity.HasTimestamps(e => e.JoinedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.Family).WithMany(f => f.Memberships).HasForeignKey(e => e.FamilyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FamilyTitleConfiguration : IEntityTypeConfiguration<FamilyTitle>
{
    public void Configure(EntityTypeBuilder<FamilyTitle> entity)
    {
        entity.ToTable("family_titles");
        entity.HasCuidKey();
        entity.Property(e => e.FamilyId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Title).HasMaxLength(FieldLimits.MediaTitle);
        entity.HasIndex(e => new { e.FamilyId, e.MediaItemId }).IsUnique().HasDatabaseName(Constraints.FamilyTitleUnique);
        entity.HasIndex(e => e.MediaItemId);
        // The keyset of the shared watchlist (member count descending, then title and id), in all and per status.
        entity.HasIndex(e => new { e.FamilyId, e.MemberCount, e.Title, e.MediaItemId }).IsDescending(false, true, false, false);
        entity.HasIndex(e => new { e.FamilyId, e.NotWatchedCount, e.Title, e.MediaItemId }, "ix_family_titles_not_watched")
            .IsDescending(false, true, false, false).HasFilter("not_watched_count > 0");
        entity.HasIndex(e => new { e.FamilyId, e.WatchingCount, e.Title, e.MediaItemId }, "ix_family_titles_watching")
            .IsDescending(false, true, false, false).HasFilter("watching_count > 0");
        entity.HasIndex(e => new { e.FamilyId, e.CompletedCount, e.Title, e.MediaItemId }, "ix_family_titles_completed")
            .IsDescending(false, true, false, false).HasFilter("completed_count > 0");
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne<Family>().WithMany().HasForeignKey(e => e.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Media.MediaItem>().WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
