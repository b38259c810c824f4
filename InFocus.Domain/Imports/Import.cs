using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Imports;

/// <summary>One uploaded file of one user and its processing state and report.</summary>
public sealed class Import : Entity
{
    public required string UserId { get; init; }

    public required ImportSource Source { get; init; }

    public ImportStatus Status { get; set; } = ImportStatus.Queued;

    /// <summary>The stored file's blob name in the imports container.</summary>
    public required string BlobName { get; init; }

    /// <summary>The body's media type as uploaded (<c>application/zip</c>, <c>text/csv</c>, <c>application/json</c>).</summary>
    public required string ContentType { get; init; }

    /// <summary>Set once the file's rows are in <c>import_rows</c> (the first step of processing).</summary>
    public bool Staged { get; set; }

    public int Total { get; set; }

    public int Processed { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Unmatched { get; set; }

    public int Errors { get; set; }

    /// <summary>Why the import failed, when it did.</summary>
    public string? Failure { get; set; }

    /// <summary>A processing run's claim: another run leaves the import alone until then.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>
    /// Runs since the import last moved on: each claim counts one; a batch applied, a hand-over to a new message or a
    /// pause for TMDB sets it back to 0. Past <see cref="ImportOptions.MaxAttempts"/> the import fails.
    /// </summary>
    public int Attempts { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public User? User { get; init; }
}

/// <summary>
/// One row of an import file, as parsed (its original values kept for the report) and, once its batch ran, its outcome.
/// </summary>
public sealed class ImportRow
{
    public required string ImportId { get; init; }

    /// <summary>The row's position in the file's processing order (1-based); with the import id, the key.</summary>
    public required int Seq { get; init; }

    /// <summary>The file (a ZIP entry's name, or the uploaded file) and line the row came from.</summary>
    public required string File { get; init; }

    public required int Line { get; init; }

    public required ImportRowKind Kind { get; init; }

    /// <summary>The original values by column name (JSON object).</summary>
    public required string Values { get; init; }

    /// <summary>What the row says about a title, as parsed.</summary>
    public required ImportRowData Data { get; init; }

    public ImportRowOutcome Outcome { get; set; } = ImportRowOutcome.Pending;

    /// <summary>Why the row is unmatched or an error.</summary>
    public string? Reason { get; set; }

    public string? MediaItemId { get; set; }

    /// <summary>When the row was applied to the watchlist.</summary>
    public DateTimeOffset? AppliedAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}

/// <summary>
/// A TMDB lookup remembered across imports (an IMDb id, or a Letterboxd title and year), so the same title costs one
/// TMDB request however many files name it. <see cref="TmdbId"/> null: TMDB had no match (or several, see <see cref="Reason"/>).
/// </summary>
public sealed class TitleLookup
{
    /// <summary><c>imdb:tt0137523</c> or <c>movie:fight club:1999</c>.</summary>
    public required string Key { get; init; }

    public int? TmdbId { get; init; }

    public MediaType? MediaType { get; init; }

    /// <summary>The episode an IMDb episode id is (TMDB <c>find</c>'s <c>tv_episode_results</c>); <see cref="TmdbId"/> is its show.</summary>
    public int? SeasonNumber { get; init; }

    public int? EpisodeNumber { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}

/// <summary>
/// How new the imported information on a watchlist entry is: the date of the newest information any import applied
/// to it (or of the user's own change, if that was newer), and when. A later import's row changes the entry only with
/// newer information; an entry the user changed after <see cref="AppliedAt"/> counts from that change.
/// </summary>
public sealed class ImportEntryDate
{
    public required string UserId { get; init; }

    public required string MediaItemId { get; init; }

    public DateTimeOffset InfoDate { get; set; }

    public DateTimeOffset AppliedAt { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
