using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Progress;

internal sealed class ViewingMapping : IEntityTypeConfiguration<Viewing>
{
    public void Configure(EntityTypeBuilder<Viewing> entity)
    {
        entity.ToTable("viewings");
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.EpisodeId).HasMaxLength(FieldLimits.Id);
        // Idempotency: one row per (user, title, episode, time), a movie's null episode and an unknown time included.
        entity.HasIndex(e => new { e.UserId, e.MediaItemId, e.EpisodeId, e.WatchedAt })
            .IsUnique().AreNullsDistinct(false).HasDatabaseName(Constraints.ViewingUnique);
        // "Has the user watched this episode": the unique index serves (user, title); this one serves (user, episode).
        entity.HasIndex(e => new { e.UserId, e.EpisodeId });
        // History: a user's dated viewings, newest first.
        entity.HasIndex(e => new { e.UserId, e.WatchedAt, e.Id });
        entity.HasIndex(e => e.MediaItemId);
        entity.HasIndex(e => e.EpisodeId);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.MediaItem).WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.Episode).WithMany().HasForeignKey(e => e.EpisodeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedMapping : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> entity)
    {
        entity.ToTable("calendar_feeds", t =>
            t.HasCheckConstraint(Constraints.CalendarFeedTokenHashLength, "octet_length(token_hash) = 32"));
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.HasIndex(e => e.UserId).IsUnique().HasDatabaseName(Constraints.CalendarFeedUserUnique);
        entity.HasIndex(e => e.TokenHash).IsUnique().HasDatabaseName(Constraints.CalendarFeedTokenUnique);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.User).WithOne().HasForeignKey<CalendarFeed>(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
