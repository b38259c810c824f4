using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Availability;

internal sealed class WatchProviderConfiguration : IEntityTypeConfiguration<WatchProvider>
{
    public void Configure(EntityTypeBuilder<WatchProvider> entity)
    {
        entity.ToTable("watch_providers", t => t.HasCheckConstraint(Constraints.WatchProviderIdPositive, "tmdb_provider_id > 0"));
        entity.HasCuidKey();
        entity.HasIndex(e => e.TmdbProviderId).IsUnique().HasDatabaseName(Constraints.WatchProviderUnique);
        entity.Property(e => e.Name).HasMaxLength(FieldLimits.ProviderName);
        entity.Property(e => e.LogoPath).HasMaxLength(FieldLimits.ImagePath);
        entity.Property(e => e.MovieRegions).HasColumnType("text[]");
        entity.Property(e => e.TvRegions).HasColumnType("text[]");
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> entity)
    {
        entity.ToTable("subscriptions");
        entity.HasCuidKey();
        entity.HasIndex(e => new { e.UserId, e.TmdbProviderId }).IsUnique().HasDatabaseName(Constraints.SubscriptionUnique);
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasIndex(e => e.TmdbProviderId);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
