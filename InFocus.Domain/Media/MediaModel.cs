using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Media;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> entity)
    {
        entity.ToTable("media_items", t =>
        {
            t.HasCheckConstraint(Constraints.MediaTmdbIdPositive, "tmdb_id > 0");
            t.HasCheckConstraint(Constraints.MediaRatingRange, "rating IS NULL OR (rating >= 0 AND rating <= 10)");
            t.HasCheckConstraint(Constraints.MediaRuntimeRange, "runtime IS NULL OR (runtime > 0 AND runtime <= 1440)");
        });
        entity.HasCuidKey();
        entity.HasEnumText(e => e.TmdbType, "tmdb_type");
        entity.HasIndex(e => new { e.TmdbId, e.TmdbType }).IsUnique().HasDatabaseName(Constraints.MediaTmdbUnique);
        entity.Property(e => e.Title).HasMaxLength(FieldLimits.MediaTitle);
        entity.Property(e => e.Description).HasMaxLength(FieldLimits.MediaDescription);
        entity.Property(e => e.PosterPath).HasMaxLength(FieldLimits.ImagePath);
        entity.Property(e => e.BackdropPath).HasMaxLength(FieldLimits.ImagePath);
        entity.Property(e => e.Rating).HasPrecision(3, 1);
        entity.Property(e => e.Popularity).HasPrecision(10, 3);
        entity.Property(e => e.Genres).HasColumnType("text[]");
        entity.Property(e => e.Creators).HasColumnType("text[]");
        // The provider refresh walks it in order: never refreshed (NULL) by id, then the oldest (StreamingProviderRefresh).
        entity.HasIndex(e => new { e.ProvidersRefreshedAt, e.Id });
        entity.HasEnumText(e => e.ShowStatus, "show_status");
        entity.HasIndex(e => e.SeasonsRefreshedAt);
        entity.HasIndex(e => e.Title);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}

internal sealed class StreamingProviderConfiguration : IEntityTypeConfiguration<StreamingProvider>
{
    public void Configure(EntityTypeBuilder<StreamingProvider> entity)
    {
        entity.ToTable("streaming_providers", t =>
            t.HasCheckConstraint(Constraints.ProviderRegionsNotEmpty, "cardinality(regions) > 0"));
        entity.HasCuidKey();
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Provider).HasMaxLength(FieldLimits.ProviderName);
        entity.HasEnumText(e => e.OfferType, "offer_type");
        entity.Property(e => e.LogoPath).HasMaxLength(FieldLimits.ImagePath);
        entity.Property(e => e.Url).HasMaxLength(FieldLimits.Url);
        entity.Property(e => e.Regions).HasColumnType("text[]");
        entity.HasIndex(e => new { e.MediaItemId, e.TmdbProviderId, e.OfferType }).IsUnique().HasDatabaseName(Constraints.ProviderUnique);
        entity.HasIndex(e => e.Regions).HasMethod("gin");
        entity.HasTimestamps(e => e.AddedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.MediaItem).WithMany(m => m.StreamingProviders).HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SeasonConfiguration : IEntityTypeConfiguration<Season>
{
    public void Configure(EntityTypeBuilder<Season> entity)
    {
        entity.ToTable("seasons", t =>
        {
            t.HasCheckConstraint(Constraints.SeasonNumberRange, "number >= 0");
            t.HasCheckConstraint(Constraints.SeasonEpisodeCount, "episode_count >= 0");
        });
        entity.HasCuidKey();
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Name).HasMaxLength(FieldLimits.MediaTitle);
        entity.HasIndex(e => new { e.MediaItemId, e.Number }).IsUnique().HasDatabaseName(Constraints.SeasonUnique);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.MediaItem).WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EpisodeConfiguration : IEntityTypeConfiguration<Episode>
{
    public void Configure(EntityTypeBuilder<Episode> entity)
    {
        entity.ToTable("episodes", t =>
        {
            t.HasCheckConstraint(Constraints.EpisodeNumberRange, "number >= 0 AND season_number >= 0");
            t.HasCheckConstraint(Constraints.EpisodeRuntimeRange, "runtime IS NULL OR runtime >= 0");
        });
        entity.HasCuidKey();
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.SeasonId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Name).HasMaxLength(FieldLimits.MediaTitle);
        entity.Property(e => e.StillPath).HasMaxLength(FieldLimits.ImagePath);
        // Progress and "next episode" walk a show's episodes in order; the calendar finds them by air date.
        entity.HasIndex(e => new { e.MediaItemId, e.SeasonNumber, e.Number }).IsUnique().HasDatabaseName(Constraints.EpisodeUnique);
        entity.HasIndex(e => new { e.AirDate, e.MediaItemId });
        entity.HasIndex(e => e.SeasonId);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.MediaItem).WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.Season).WithMany().HasForeignKey(e => e.SeasonId).OnDelete(DeleteBehavior.Cascade);
    }
}
