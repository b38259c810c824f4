using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Invitations;

internal sealed class FamilyInvitationConfiguration : IEntityTypeConfiguration<FamilyInvitation>
{
    public void Configure(EntityTypeBuilder<FamilyInvitation> entity)
    {
        entity.ToTable("family_invitations", t =>
        {
            t.HasCheckConstraint(Constraints.InvitationEmailNormalized, "email = lower(btrim(email))");
            t.HasCheckConstraint(Constraints.InvitationAcceptedAt, "(status = 'accepted') = (accepted_at IS NOT NULL)");
        });
        entity.HasCuidKey();
        entity.Property(e => e.FamilyId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Email).HasMaxLength(FieldLimits.Email);
        entity.Property(e => e.InvitedById).HasMaxLength(FieldLimits.Id);
        entity.HasEnumText(e => e.Status, "status");
        entity.HasIndex(e => new { e.FamilyId, e.Email }).IsUnique().HasDatabaseName(Constraints.InvitationUnique);
        entity.HasOutboxEmail(Constraints.InvitationTokenUnique, Constraints.InvitationTokenHashLength);
        entity.HasIndex(e => new { e.Email, e.Status });
        entity.HasIndex(e => new { e.Status, e.ExpiresAt });
        entity.HasIndex(e => e.InvitedById);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.Family).WithMany().HasForeignKey(e => e.FamilyId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.InvitedBy).WithMany().HasForeignKey(e => e.InvitedById).OnDelete(DeleteBehavior.SetNull);
    }
}
