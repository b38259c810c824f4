using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Watchlist;

internal sealed class WatchlistEntryConfiguration : IEntityTypeConfiguration<WatchlistEntry>
{
    public void Configure(EntityTypeBuilder<WatchlistEntry> entity)
    {
        entity.ToTable("watchlist_entries", t =>
            t.HasCheckConstraint(Constraints.WatchlistRatingRange, "rating IS NULL OR (rating >= 1 AND rating <= 10)"));
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.HasEnumText(e => e.Status, "status");
        entity.Property(e => e.Notes).HasMaxLength(FieldLimits.Notes);
        entity.Property(e => e.Version).IsRowVersion();
        entity.HasIndex(e => new { e.UserId, e.MediaItemId }).IsUnique().HasDatabaseName(Constraints.WatchlistUnique);
        entity.HasIndex(e => e.MediaItemId);
        entity.HasIndex(e => e.Status);
        // Keyset pagination of a user's list: by time added and by time updated, with the id as tiebreaker.
        entity.HasIndex(e => new { e.UserId, e.DateAdded, e.Id });
        entity.HasIndex(e => new { e.UserId, e.DateUpdated, e.Id });
        entity.Property(e => e.StatusFollowsProgress).HasDefaultValue(true);
        // Up next: a user's titles by their latest viewing.
        entity.HasIndex(e => new { e.UserId, e.LastWatchedAt, e.Id });
        entity.HasTimestamps(e => e.DateAdded, e => e.DateUpdated);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne(e => e.MediaItem).WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WatchlistTotalsConfiguration : IEntityTypeConfiguration<WatchlistTotals>
{
    public void Configure(EntityTypeBuilder<WatchlistTotals> entity)
    {
        entity.ToTable("watchlist_totals");
        entity.HasCuidKey();
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne<Accounts.User>().WithOne().HasForeignKey<WatchlistTotals>(e => e.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WatchlistGenreCountConfiguration : IEntityTypeConfiguration<WatchlistGenreCount>
{
    public void Configure(EntityTypeBuilder<WatchlistGenreCount> entity)
    {
        entity.ToTable("watchlist_genre_counts");
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.Genre).HasMaxLength(FieldLimits.Genre);
        entity.HasIndex(e => new { e.UserId, e.Genre }).IsUnique().HasDatabaseName(Constraints.WatchlistGenreUnique);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne<Accounts.User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
