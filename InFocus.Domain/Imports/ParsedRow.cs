using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Imports;

/// <summary>
/// A row of an import file as the parsers read it: where it is, its original values, how the title is named (TMDB id,
/// IMDb id, or title and year) and what it says (status, rating, notes, when). <see cref="Error"/> is set for a row whose
/// values are unusable (an out-of-range rating); it is reported, not applied.
/// </summary>
public sealed record ParsedRow(string File, int Line, ImportRowKind Kind, IReadOnlyDictionary<string, string> Values)
{
    public string? Title { get; init; }

    public int? Year { get; init; }

    public string? ImdbId { get; init; }

    public int? TmdbId { get; init; }

    public MediaType? MediaType { get; init; }

    public int? SeasonNumber { get; init; }

    public int? EpisodeNumber { get; init; }

    public WatchStatus? Status { get; init; }

    public int? Rating { get; init; }

    public string? Notes { get; init; }

    public DateTimeOffset? InfoDate { get; init; }

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
