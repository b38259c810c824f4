using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Imports;

internal sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public void Configure(EntityTypeBuilder<Import> entity)
    {
        entity.ToTable("imports");
        entity.HasCuidKey();
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.HasEnumText(e => e.Source, "source");
        entity.HasEnumText(e => e.Status, "status");
        entity.Property(e => e.BlobName).HasMaxLength(ImportLimits.BlobName);
        entity.Property(e => e.ContentType).HasMaxLength(ImportLimits.ContentType);
        entity.Property(e => e.Failure).HasMaxLength(FieldLimits.ErrorText);
        // A user's imports, newest first (GET /api/imports keyset).
        entity.HasIndex(e => new { e.UserId, e.CreatedAt, e.Id });
        // The imports ImportSweep looks at (queued or running, oldest change first); finished ones are most of the table.
        entity.HasIndex(e => e.UpdatedAt).HasFilter("status = ANY (ARRAY['queued', 'running'])");
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<ImportRow> entity)
    {
        entity.ToTable("import_rows");
        entity.HasKey(e => new { e.ImportId, e.Seq });
        entity.Property(e => e.ImportId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.File).HasMaxLength(ImportLimits.FileName);
        entity.HasEnumText(e => e.Kind, "kind");
        entity.Property(e => e.Values).HasColumnType("jsonb");
        // What the row says: a complex type whose members are columns of the row, named as they are.
        entity.ComplexProperty(e => e.Data, data =>
        {
            data.Property(d => d.Title).HasColumnName("title").HasMaxLength(FieldLimits.MediaTitle);
            data.Property(d => d.Year).HasColumnName("year");
            data.Property(d => d.ImdbId).HasColumnName("imdb_id").HasMaxLength(ImportLimits.ImdbId);
            data.Property(d => d.TmdbId).HasColumnName("tmdb_id");
            entity.HasEnumText(data, d => d.MediaType, "media_type");
            data.Property(d => d.SeasonNumber).HasColumnName("season_number");
            data.Property(d => d.EpisodeNumber).HasColumnName("episode_number");
            entity.HasEnumText(data, d => d.Status, "status");
            data.Property(d => d.Rating).HasColumnName("rating");
            data.Property(d => d.Notes).HasColumnName("notes").HasMaxLength(FieldLimits.Notes);
            data.Property(d => d.InfoDate).HasColumnName("info_date");
        });
        entity.HasEnumText(e => e.Outcome, "outcome");
        entity.Property(e => e.Reason).HasMaxLength(FieldLimits.ErrorText);
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        // The next pending rows of an import, and its problem rows by outcome (both in file order).
        entity.HasIndex(e => new { e.ImportId, e.Outcome, e.Seq });
        entity.HasIndex(e => e.MediaItemId);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne<Import>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<MediaItem>().WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TitleLookupConfiguration : IEntityTypeConfiguration<TitleLookup>
{
    public void Configure(EntityTypeBuilder<TitleLookup> entity)
    {
        entity.ToTable("title_lookups");
        entity.HasKey(e => e.Key);
        entity.Property(e => e.Key).HasMaxLength(ImportLimits.LookupKey);
        entity.HasEnumText(e => e.MediaType, "media_type");
        entity.Property(e => e.Reason).HasMaxLength(FieldLimits.ErrorText);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
    }
}

internal sealed class ImportEntryDateConfiguration : IEntityTypeConfiguration<ImportEntryDate>
{
    public void Configure(EntityTypeBuilder<ImportEntryDate> entity)
    {
        entity.ToTable("import_entry_dates");
        entity.HasKey(e => new { e.UserId, e.MediaItemId });
        entity.Property(e => e.UserId).HasMaxLength(FieldLimits.Id);
        entity.Property(e => e.MediaItemId).HasMaxLength(FieldLimits.Id);
        entity.HasIndex(e => e.MediaItemId);
        entity.HasTimestamps(e => e.CreatedAt, e => e.UpdatedAt);
        entity.HasOne<Accounts.User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<MediaItem>().WithMany().HasForeignKey(e => e.MediaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Sizes of the imports' own columns and the file limits.</summary>
public static class ImportLimits
{
    public const int BlobName = 100;
    public const int ContentType = 100;
    public const int FileName = 200;
    public const int ImdbId = 16;
    public const int LookupKey = 600;

    /// <summary>The longest value of a file's cell kept (longer ones are cut): titles, notes and reviews fit.</summary>
    public const int CellChars = FieldLimits.Notes * 2;
}
