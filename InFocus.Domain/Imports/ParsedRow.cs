using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Imports;

/// <summary>
/// What a row of an import file says about a title: how it names it (TMDB id, IMDb id, or title and year; a show's
/// episode by number), and its status, rating, notes and when that information is from (newer information wins over
/// older). The parsers fill it (<see cref="ParsedRow"/>), and the stored row keeps it as it is
/// (<see cref="ImportRow.Data"/>, columns of <c>import_rows</c>).
/// </summary>
public sealed record ImportRowData
{
    public string? Title { get; init; }

    public int? Year { get; init; }

    public string? ImdbId { get; init; }

    public int? TmdbId { get; init; }

    public MediaType? MediaType { get; init; }

    /// <summary>The episode of the show a row names by number (Trakt history); IMDb episodes get theirs from TMDB.</summary>
    public int? SeasonNumber { get; init; }

    public int? EpisodeNumber { get; init; }

    public WatchStatus? Status { get; init; }

    public int? Rating { get; init; }

    public string? Notes { get; init; }

    /// <summary>When the information is from (watched, rated, added).</summary>
    public DateTimeOffset? InfoDate { get; init; }
}

/// <summary>
/// A row of an import file as the parsers read it: where it is, its original values and what it says
/// (<see cref="Data"/>). <see cref="Error"/> is set for a row whose values are unusable (an out-of-range rating); it
/// is reported, not applied.
/// </summary>
public sealed record ParsedRow(string File, int Line, ImportRowKind Kind, IReadOnlyDictionary<string, string> Values)
{
    public ImportRowData Data { get; init; } = new();

    public string? Error { get; init; }
}

/// <summary>The file is malformed: a 400 naming the file, line and column.</summary>
internal static class MalformedFile
{
    public static Common.ValidationException At(string file, int line, int? column, string problem) =>
        Common.ValidationException.For(
            "file",
            column is { } c ? $"{file}, line {line}, column {c}: {problem}" : $"{file}, line {line}: {problem}");

    public static Common.ValidationException Whole(string problem) => Common.ValidationException.For("file", problem);
}
