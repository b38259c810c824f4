using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Tonight;

internal sealed class TonightPickConfiguration : IEntityTypeConfiguration<TonightPick>
{
    public void Configure(EntityTypeBuilder<TonightPick> entity)
    {
        entity.ToTable("tonight_picks", t =>
        {
            t.HasCheckConstraint(Constraints.TonightPickMembers, "cardinality(member_ids) > 0");
            t.HasCheckConstraint(Constraints.TonightPickConfirmedMembers, "confirmed_ids <@ member_ids");
        });
        entity.HasCuidKey();
        entity.Property(e => e.FamilyId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.PickedById).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.MemberIds).HasColumnType("text[]");
        entity.Property(e => e.ConfirmedIds).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        entity.HasTimestamps(e => e.PickedAt, e => e.UpdatedAt);
        entity.HasIndex(e => new { e.FamilyId, e.PickedAt, e.Id });
        entity.HasIndex(e => e.MediaItemId);
        entity.HasIndex(e => e.PickedById);
        entity.HasOne(e => e.Family).WithMany().HasForeignKey(e => e.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.MediaItem).WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.PickedBy).WithMany().HasForeignKey(e => e.PickedById).OnDelete(DeleteBehavior.SetNull);
    }
}
