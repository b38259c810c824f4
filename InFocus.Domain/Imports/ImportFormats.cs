using System.Globalization;
using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;

namespace InFocus.Domain.Imports;

/// <summary>
/// What each export format's rows mean (docs/api.md, "Imports", has the table): which files of a ZIP are read, and
/// how a CSV record or JSON item becomes a <see cref="ParsedRow"/>.
/// </summary>
internal static class ImportFormats
{
    private static readonly string[] LetterboxdFiles = ["watchlist.csv", "watched.csv", "diary.csv", "ratings.csv", "reviews.csv"];

    private static readonly string[] TraktPrefixes =
        ["lists-watchlist", "watchlist", "watched-history", "history", "watched-movies", "watched-shows", "ratings-movies", "ratings-shows", "ratings-seasons", "ratings-episodes"];

    public static string Expected(ImportSource source) => source switch
    {
        ImportSource.Letterboxd => "Letterboxd's watched, watchlist, ratings, diary, reviews or list CSV",
        ImportSource.Imdb => "IMDb's ratings or list CSV, with a Const column",
        _ => "JSON",
    };

    /// <summary>Whether a ZIP entry is one this source's importer reads (others, such as profile.csv, are skipped).</summary>
    public static bool Wants(ImportSource source, string entry)
    {
        var name = Path.GetFileName(entry).ToLowerInvariant();
        var folder = Path.GetDirectoryName(entry)?.Replace('\\', '/').ToLowerInvariant() ?? "";
        return source switch
        {
            ImportSource.Letterboxd => (LetterboxdFiles.Contains(name) && !IsSetAside(folder))
                                       || (folder.Split('/').LastOrDefault() == "lists" && name.EndsWith(".csv", StringComparison.Ordinal) && !IsSetAside(folder)),
            ImportSource.Imdb => name.EndsWith(".csv", StringComparison.Ordinal),
            ImportSource.Trakt => name.EndsWith(".json", StringComparison.Ordinal) && TraktPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)),
            _ => name == "watchlist.json",
        };
    }

    /// <summary>Letterboxd keeps deleted and orphaned entries in folders of their own; they are not the user's history.</summary>
    private static bool IsSetAside(string folder) => folder.Contains("deleted", StringComparison.Ordinal) || folder.Contains("orphaned", StringComparison.Ordinal);

    /// <summary>The order entries are read in: to-watch lists first, then what was watched, then ratings and reviews.</summary>
    public static int Order(string entry)
    {
        var name = Path.GetFileName(entry).ToLowerInvariant();
        return name switch
        {
            _ when name.Contains("watchlist", StringComparison.Ordinal) => 0,
            _ when entry.Contains("lists/", StringComparison.OrdinalIgnoreCase) => 1,
            _ when name.StartsWith("watched", StringComparison.Ordinal) || name.StartsWith("history", StringComparison.Ordinal) => 2,
            "diary.csv" => 3,
            _ when name.StartsWith("ratings", StringComparison.Ordinal) => 4,
            _ => 5,
        };
    }

    public static ParsedRow? FromCsv(CsvLayout layout, string file, int line, Dictionary<string, string> values)
    {
        var problems = new List<string>();
        string? Cell(string column) => values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        DateTimeOffset? DateOf(string column)
        {
            var date = ImportValues.Date(Cell(column), out var ok);
            if (!ok)
            {
                problems.Add($"{column} '{Cell(column)}' is not a date.");
            }

            return date;
        }

        int? YearOf(string column)
        {
            var year = ImportValues.Year(Cell(column), out var ok);
            if (!ok)
            {
                problems.Add($"{column} '{Cell(column)}' is not a year.");
            }

            return year;
        }

        int? RatingOf(string column, int scale)
        {
            var rating = ImportValues.Rating(Cell(column), scale, out var ok);
            if (!ok)
            {
                problems.Add(scale == 2 ? $"{column} '{Cell(column)}' is not 0.5–5 in halves." : $"{column} '{Cell(column)}' is not 1–10.");
            }

            return rating;
        }

        var row = new ParsedRow(file, line, ImportRowKind.Watched, values);
        switch (layout.Kind)
        {
            case CsvFileKind.LetterboxdWatched or CsvFileKind.LetterboxdWatchlist or CsvFileKind.LetterboxdRatings
                or CsvFileKind.LetterboxdDiary or CsvFileKind.LetterboxdReviews or CsvFileKind.LetterboxdList:
            {
                var title = ImportValues.Text(Cell("Name"), FieldLimits.MediaTitle);
                if (title is null)
                {
                    problems.Add("Name is empty.");
                }

                var watchedDate = layout.Kind is CsvFileKind.LetterboxdDiary or CsvFileKind.LetterboxdReviews ? DateOf("Watched Date") : null;
                var date = layout.Kind == CsvFileKind.LetterboxdList ? null : watchedDate ?? DateOf("Date");
                var rating = layout.Kind is CsvFileKind.LetterboxdRatings or CsvFileKind.LetterboxdDiary or CsvFileKind.LetterboxdReviews
                    ? RatingOf("Rating", 2)
                    : null;
                row = row with
                {
                    Kind = layout.Kind switch
                    {
                        CsvFileKind.LetterboxdWatchlist => ImportRowKind.Watchlist,
                        CsvFileKind.LetterboxdList => ImportRowKind.List,
                        CsvFileKind.LetterboxdRatings => ImportRowKind.Rating,
                        CsvFileKind.LetterboxdReviews => ImportRowKind.Review,
                        _ => ImportRowKind.Watched,
                    },
                    Data = new ImportRowData
                    {
                        Title = title,
                        Year = YearOf("Year"),
                        MediaType = Media.MediaType.Movie,
                        Status = layout.Kind is CsvFileKind.LetterboxdWatchlist or CsvFileKind.LetterboxdList ? WatchStatus.NotWatched : WatchStatus.Completed,
                        Rating = rating,
                        Notes = layout.Kind == CsvFileKind.LetterboxdReviews ? ImportValues.Text(Cell("Review"), FieldLimits.Notes) : null,
                        InfoDate = date,
                    },
                };
                break;
            }

            case CsvFileKind.ImdbRatings or CsvFileKind.ImdbList or CsvFileKind.ImdbWatchlist:
            {
                var imdbId = ImportValues.ImdbId(Cell("Const"));
                if (imdbId is null)
                {
                    problems.Add($"Const '{Cell("Const")}' is not an IMDb id (tt…).");
                }

                var episode = IsEpisode(Cell("Title Type"));
                var ratings = layout.Kind == CsvFileKind.ImdbRatings;
                var rating = ratings ? RatingOf("Your Rating", 1) : null;
                row = row with
                {
                    Kind = ratings ? ImportRowKind.Rating : layout.Kind == CsvFileKind.ImdbWatchlist ? ImportRowKind.Watchlist : ImportRowKind.List,
                    Data = new ImportRowData
                    {
                        ImdbId = imdbId,
                        Title = ImportValues.Text(Cell("Title"), FieldLimits.MediaTitle),
                        Year = YearOf("Year"),
                        MediaType = ImdbType(Cell("Title Type")),
                        // An episode's rating is not its show's: the show is marked as being watched.
                        Status = episode ? WatchStatus.Watching : ratings ? WatchStatus.Completed : WatchStatus.NotWatched,
                        Rating = episode ? null : rating,
                        InfoDate = ratings ? DateOf("Date Rated") : DateOf("Created"),
                    },
                };
                break;
            }

            default:
                return null;
        }

        return problems.Count == 0 ? row : row with { Error = string.Join(" ", problems) };
    }

    /// <summary><c>Movie</c>/<c>movie</c>, <c>TV Series</c>/<c>tvSeries</c> and their kin in both IMDb vintages.</summary>
    private static MediaType? ImdbType(string? titleType)
    {
        var key = titleType?.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return key switch
        {
            null => null,
            "movie" or "tvmovie" or "video" or "short" or "tvshort" or "tvspecial" => Media.MediaType.Movie,
            _ when key.StartsWith("tv", StringComparison.Ordinal) => Media.MediaType.Tv,
            _ => null,
        };
    }

    private static bool IsEpisode(string? titleType) =>
        titleType?.Replace(" ", "", StringComparison.Ordinal).Equals("tvepisode", StringComparison.OrdinalIgnoreCase) == true;

    public static ParsedRow? FromJson(ImportSource source, string file, int line, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new ParsedRow(file, line, ImportRowKind.Watched, new Dictionary<string, string>()) { Error = "The item is not a JSON object." };
        }

        return source == ImportSource.Infocus ? FromInfocus(file, line, item) : FromTrakt(file, line, item);
    }

    private static ParsedRow FromTrakt(string file, int line, JsonElement item)
    {
        var name = Path.GetFileName(file).ToLowerInvariant();
        var type = Str(item, "type");
        var isEpisode = type is "episode" or "season" || name.StartsWith("ratings-episodes", StringComparison.Ordinal) || name.StartsWith("ratings-seasons", StringComparison.Ordinal);
        var isShow = isEpisode || type == "show" || name.Contains("shows", StringComparison.Ordinal);
        var title = Obj(item, isShow ? "show" : "movie");
        var ids = title is { } t ? Obj(t, "ids") : null;
        var watchlist = name.StartsWith("lists-watchlist", StringComparison.Ordinal) || name.StartsWith("watchlist", StringComparison.Ordinal);
        var ratings = name.StartsWith("ratings", StringComparison.Ordinal);
        var date = Str(item, watchlist ? "listed_at" : ratings ? "rated_at" : name.StartsWith("watched-", StringComparison.Ordinal) && !name.StartsWith("watched-history", StringComparison.Ordinal) ? "last_watched_at" : "watched_at");
        var rating = ratings && !isEpisode ? Int(item, "rating") : null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = type ?? (isShow ? "show" : "movie"),
            ["title"] = title is { } tt ? Str(tt, "title") ?? "" : "",
            ["year"] = title is { } ty ? Int(ty, "year")?.ToString(CultureInfo.InvariantCulture) ?? "" : "",
            ["tmdb"] = ids is { } i1 ? Int(i1, "tmdb")?.ToString(CultureInfo.InvariantCulture) ?? "" : "",
            ["imdb"] = ids is { } i2 ? Str(i2, "imdb") ?? "" : "",
            ["date"] = date ?? "",
        };
        if (rating is not null)
        {
            values["rating"] = rating.Value.ToString(CultureInfo.InvariantCulture);
        }

        var problems = new List<string>();
        var infoDate = ImportValues.Date(date, out var dateOk);
        if (!dateOk)
        {
            problems.Add($"'{date}' is not a date.");
        }

        if (title is null)
        {
            problems.Add($"The item has no {(isShow ? "show" : "movie")}.");
        }

        if (ratings && !isEpisode && rating is not (>= 1 and <= 10))
        {
            problems.Add("rating is not 1–10.");
        }

        var tmdbId = ids is { } i3 ? Int(i3, "tmdb") : null;
        // A watched episode (history) names its episode by number: a viewing of it. Ratings of episodes only mark the show.
        var episode = type == "episode" && !ratings && !watchlist ? Obj(item, "episode") : null;
        var (seasonNumber, episodeNumber) = episode is { } e ? (Int(e, "season"), Int(e, "number")) : (null, null);
        if (seasonNumber is not null && episodeNumber is not null)
        {
            values["season"] = seasonNumber.Value.ToString(CultureInfo.InvariantCulture);
            values["episode"] = episodeNumber.Value.ToString(CultureInfo.InvariantCulture);
        }

        var row = new ParsedRow(file, line, watchlist ? ImportRowKind.Watchlist : ratings ? ImportRowKind.Rating : ImportRowKind.Watched, values)
        {
            Data = new ImportRowData
            {
                Title = ImportValues.Text(values["title"], FieldLimits.MediaTitle),
                Year = title is { } y ? Int(y, "year") : null,
                TmdbId = tmdbId is > 0 ? tmdbId : null,
                ImdbId = ImportValues.ImdbId(values["imdb"]),
                MediaType = isShow ? Media.MediaType.Tv : Media.MediaType.Movie,
                SeasonNumber = seasonNumber is >= 0 && episodeNumber is >= 0 ? seasonNumber : null,
                EpisodeNumber = seasonNumber is >= 0 && episodeNumber is >= 0 ? episodeNumber : null,
                Status = watchlist ? WatchStatus.NotWatched : isShow ? WatchStatus.Watching : WatchStatus.Completed,
                Rating = rating is >= 1 and <= 10 ? rating : null,
                InfoDate = infoDate,
            },
        };
        return problems.Count == 0 ? row : row with { Error = string.Join(" ", problems) };
    }

    private static ParsedRow FromInfocus(string file, int line, JsonElement item)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in item.EnumerateObject().Take(20))
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? "" : property.Value.GetRawText();
            values[property.Name] = text.Length <= ImportLimits.CellChars ? text : text[..ImportLimits.CellChars];
        }

        var problems = new List<string>();
        var tmdbId = Int(item, "tmdbId");
        var type = Str(item, "type");
        var mediaType = type is not null && SnakeCaseEnum<MediaType>.TryParse(type, out var parsedType) ? parsedType : (MediaType?)null;
        var status = Str(item, "status") is { } s && SnakeCaseEnum<WatchStatus>.TryParse(s, out var parsedStatus) ? parsedStatus : (WatchStatus?)null;
        var rating = Int(item, "rating");
        if (tmdbId is not > 0 || mediaType is null)
        {
            problems.Add("tmdbId and type (movie or tv) are required.");
        }

        if (status is null)
        {
            problems.Add("status is not one of not_watched, watching, completed.");
        }

        if (rating is not null and not (>= 1 and <= 10))
        {
            problems.Add("rating is not 1–10.");
        }

        var date = ImportValues.Date(Str(item, "dateUpdated"), out var dateOk);
        if (!dateOk)
        {
            problems.Add("dateUpdated is not a date.");
        }

        var row = new ParsedRow(file, line, ImportRowKind.Entry, values)
        {
            Data = new ImportRowData
            {
                Title = ImportValues.Text(Str(item, "title"), FieldLimits.MediaTitle),
                TmdbId = tmdbId is > 0 ? tmdbId : null,
                MediaType = mediaType,
                Status = status,
                Rating = rating is >= 1 and <= 10 ? rating : null,
                Notes = ImportValues.Text(Str(item, "notes"), FieldLimits.Notes),
                InfoDate = date,
            },
        };
        return problems.Count == 0 ? row : row with { Error = string.Join(" ", problems) };
    }

    private static JsonElement? Obj(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
