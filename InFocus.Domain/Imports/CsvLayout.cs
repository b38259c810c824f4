namespace InFocus.Domain.Imports;

/// <summary>The kinds of CSV file the importers know, each with what its rows mean.</summary>
public enum CsvFileKind
{
    LetterboxdWatched,
    LetterboxdWatchlist,
    LetterboxdRatings,
    LetterboxdDiary,
    LetterboxdReviews,
    LetterboxdList,
    LetterboxdListPreamble,
    ImdbRatings,
    ImdbList,
    ImdbWatchlist,
}

/// <summary>A CSV file's header as detected: its kind and its column names (as the file spells them).</summary>
public sealed record CsvLayout(CsvFileKind Kind, IReadOnlyList<string> Columns)
{
    /// <summary>False for the lines before a list's own header (its banner and metadata).</summary>
    public bool ReadsRows => Kind != CsvFileKind.LetterboxdListPreamble;

    /// <summary>The layout a header line starts, or null when <paramref name="fields"/> is no header of <paramref name="source"/>.</summary>
    public static CsvLayout? Detect(ImportSource source, string file, string[] fields)
    {
        var columns = fields.Select(f => f.Trim()).ToList();
        bool Has(string name) => columns.Contains(name, StringComparer.OrdinalIgnoreCase);
        var name = Path.GetFileName(file);
        var kind = source switch
        {
            ImportSource.Letterboxd when columns.Count > 0 && columns[0].StartsWith("Letterboxd list export", StringComparison.OrdinalIgnoreCase) =>
                CsvFileKind.LetterboxdListPreamble,
            ImportSource.Letterboxd when Has("Position") && Has("Name") => CsvFileKind.LetterboxdList,
            ImportSource.Letterboxd when Has("Name") && Has("Tags") && Has("URL") && !Has("Year") => CsvFileKind.LetterboxdListPreamble,
            ImportSource.Letterboxd when Has("Name") && Has("Year") && Has("Date") => true switch
            {
                _ when Has("Review") => CsvFileKind.LetterboxdReviews,
                _ when Has("Watched Date") => CsvFileKind.LetterboxdDiary,
                _ when Has("Rating") => CsvFileKind.LetterboxdRatings,
                _ when name.Contains("watchlist", StringComparison.OrdinalIgnoreCase) => CsvFileKind.LetterboxdWatchlist,
                _ => CsvFileKind.LetterboxdWatched,
            },
            ImportSource.Imdb when Has("Const") && Has("Your Rating") => CsvFileKind.ImdbRatings,
            ImportSource.Imdb when Has("Const") && Has("Position") =>
                name.Contains("watchlist", StringComparison.OrdinalIgnoreCase) ? CsvFileKind.ImdbWatchlist : CsvFileKind.ImdbList,
            _ => (CsvFileKind?)null,
        };
        return kind is { } detected ? new CsvLayout(detected, columns) : null;
    }
}
