using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Common.Limits;

internal sealed class RateLimitHitConfiguration : IEntityTypeConfiguration<RateLimitHit>
{
    public void Configure(EntityTypeBuilder<RateLimitHit> entity)
    {
        entity.ToTable("rate_limit_hits");
        entity.HasCuidKey();
        entity.Property(e => e.Key).HasMaxLength(RateLimitHit.KeyLength);
        entity.HasIndex(e => new { e.Key, e.At });
        entity.HasIndex(e => e.At);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}

internal sealed class RequestPacingConfiguration : IEntityTypeConfiguration<RequestPacing>
{
    public void Configure(EntityTypeBuilder<RequestPacing> entity)
    {
        entity.ToTable("request_pacing");
        entity.HasCuidKey();
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}
