using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Media.Tmdb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Imports;

/// <summary>
/// Finds the catalog title of each row of a batch, cheapest first: a row naming a TMDB id needs no lookup; an IMDb id
/// or a Letterboxd title and year is looked up in <c>title_lookups</c> (every earlier answer of TMDB, matched or not),
/// and only what is not there asks TMDB (<c>find</c>, or <c>search/movie</c> by exact year, then ±1 year). A title
/// already in the catalog costs no request; others are imported (<see cref="MediaCatalog.EnsureAsync"/>). TMDB calls
/// of a batch run a few at a time within the shared TMDB rate limiter; TMDB being unavailable stops the batch
/// (<see cref="DependencyUnavailableException"/>) so its rows are tried again later. With every title known, a batch
/// costs two statements whatever its size.
/// </summary>
public sealed class TitleMatcher(InFocusDbContext db, IServiceScopeFactory scopes, TmdbClient tmdb, IOptions<ImportOptions> options)
{
    /// <summary>The title of each row by its <see cref="ImportRow.Seq"/>: a catalog id, or the reason there is none.</summary>
    public async Task<Dictionary<int, TitleMatch>> MatchAsync(IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        var matches = new Dictionary<int, TitleMatch>();
        var wanted = new Dictionary<int, (int TmdbId, MediaType Type)>();
        var episodes = new Dictionary<int, EpisodeNumber>();
        var byKey = new Dictionary<int, string>();
        foreach (var row in rows)
        {
            if (row.Data.TmdbId is { } tmdbId && row.Data.MediaType is { } type)
            {
                wanted[row.Seq] = (tmdbId, type);
                if (type == MediaType.Tv && row.Data.SeasonNumber is { } season && row.Data.EpisodeNumber is { } episode)
                {
                    episodes[row.Seq] = new EpisodeNumber(season, episode);
                }
            }
            else if (KeyOf(row) is { } key)
            {
                byKey[row.Seq] = key;
            }
            else
            {
                matches[row.Seq] = TitleMatch.None("The row names no title (no TMDB id, IMDb id or title).");
            }
        }

        var lookups = await LookUpAsync(rows.Where(r => byKey.ContainsKey(r.Seq)).DistinctBy(r => byKey[r.Seq]).ToList(), byKey, cancellationToken);
        foreach (var (seq, key) in byKey)
        {
            var lookup = lookups[key];
            if (lookup.TmdbId is { } id && lookup.MediaType is { } type)
            {
                wanted[seq] = (id, type);
                if (type == MediaType.Tv && lookup.SeasonNumber is { } season && lookup.EpisodeNumber is { } episode)
                {
                    episodes[seq] = new EpisodeNumber(season, episode);
                }
            }
            else
            {
                matches[seq] = TitleMatch.None(lookup.Reason ?? "TMDB has no match.");
            }
        }

        var withEpisodes = episodes.Keys.Select(seq => wanted[seq]).ToHashSet();
        var titles = await CatalogIdsAsync(wanted.Values.Distinct().ToList(), withEpisodes, cancellationToken);
        foreach (var (seq, title) in wanted)
        {
            var match = titles[title];
            matches[seq] = match.MediaItemId is not null && episodes.TryGetValue(seq, out var episode) ? match with { Episode = episode } : match;
        }

        return matches;
    }

    /// <summary>The lookup key of a row without a TMDB id: its IMDb id, else its title and year.</summary>
    private static string? KeyOf(ImportRow row) =>
        row.Data.ImdbId is { } imdb ? $"imdb:{imdb}"
        : row.Data.Title is { } title && Normalize(title) is { Length: > 0 } normalized
            ? string.Create(CultureInfo.InvariantCulture, $"movie:{normalized}:{row.Data.Year}")
            : null;

    private async Task<Dictionary<string, LookupAnswer>> LookUpAsync(
        List<ImportRow> rows, Dictionary<int, string> byKey, CancellationToken cancellationToken)
    {
        var keys = rows.Select(r => byKey[r.Seq]).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var known = await db.TitleLookups.AsNoTracking()
            .Where(l => keys.Contains(l.Key))
            .ToDictionaryAsync(l => l.Key, l => new LookupAnswer(l.TmdbId, l.MediaType, l.Reason, l.SeasonNumber, l.EpisodeNumber), cancellationToken);
        var missing = rows.Where(r => !known.ContainsKey(byKey[r.Seq])).ToList();
        if (missing.Count == 0)
        {
            return known;
        }

        var answers = new ConcurrentDictionary<string, LookupAnswer>();
        await Parallel.ForEachAsync(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.LookupParallelism, CancellationToken = cancellationToken },
            async (row, token) => answers[byKey[row.Seq]] = row.Data.ImdbId is { } imdb ? await FindAsync(imdb, token) : await SearchAsync(row.Data.Title!, row.Data.Year, token));

        var lookups = answers.Select(a => new TitleLookup
        {
            Key = a.Key, TmdbId = a.Value.TmdbId, MediaType = a.Value.MediaType, Reason = a.Value.Reason,
            SeasonNumber = a.Value.SeasonNumber, EpisodeNumber = a.Value.EpisodeNumber,
        }).ToList();
        await TitleLookupWriter.InsertAsync(db, lookups, cancellationToken);
        foreach (var (key, answer) in answers)
        {
            known[key] = answer;
        }

        return known;
    }

    private async Task<LookupAnswer> FindAsync(string imdbId, CancellationToken cancellationToken)
    {
        TmdbFindResult found;
        try
        {
            found = await tmdb.FindByImdbIdAsync(imdbId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return new LookupAnswer(null, null, $"TMDB knows no title with IMDb id {imdbId}.");
        }

        if (found.MovieResults is [var movie, ..])
        {
            return new LookupAnswer(movie.Id, MediaType.Movie, null);
        }

        if (found.TvResults is [var show, ..])
        {
            return new LookupAnswer(show.Id, MediaType.Tv, null);
        }

        return found.TvEpisodeResults is [var episode, ..]
            ? new LookupAnswer(episode.ShowId, MediaType.Tv, null, episode.SeasonNumber, episode.EpisodeNumber)
            : new LookupAnswer(null, null, $"TMDB knows no title with IMDb id {imdbId}.");
    }

    /// <summary>
    /// A film by title and year: TMDB's films of that year whose title (or original title) is the row's, then of the
    /// year before and after (release years differ between countries). Two or more equally good matches are reported
    /// as ambiguous, never guessed.
    /// </summary>
    private async Task<LookupAnswer> SearchAsync(string title, int? year, CancellationToken cancellationToken)
    {
        var wanted = Normalize(title);
        int?[] years = year is { } y ? [y, y - 1, y + 1] : [null];
        foreach (var candidateYear in years)
        {
            var page = await tmdb.SearchMoviesAsync(title, candidateYear, cancellationToken);
            var results = (page.Results ?? [])
                .Where(r => candidateYear is null || YearOf(r.ReleaseDate) == candidateYear)
                .ToList();
            var exact = results.Where(r => Normalize(r.Title ?? "") == wanted || Normalize(r.OriginalTitle ?? "") == wanted).ToList();
            if (exact.Count == 1)
            {
                return new LookupAnswer(exact[0].Id, MediaType.Movie, null);
            }

            if (exact.Count > 1)
            {
                var ids = string.Join(", ", exact.Take(5).Select(r => r.Id.ToString(CultureInfo.InvariantCulture)));
                return new LookupAnswer(null, null, $"Ambiguous: {exact.Count} TMDB films are named '{title}'{(candidateYear is { } c ? $" from {c}" : "")} (TMDB ids {ids}); add it by hand.");
            }
        }

        return new LookupAnswer(null, null, year is { } yy
            ? $"TMDB has no film named '{title}' from {yy - 1}–{yy + 1}."
            : $"TMDB has no film named '{title}'.");
    }

    private static int? YearOf(string? date) =>
        date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    /// <summary>Lower case letters and digits, words separated by one space: "Amélie" and "amélie", "Se7en" and "Se7en!" compare equal.</summary>
    public static string Normalize(string title)
    {
        var builder = new StringBuilder(title.Length);
        var space = false;
        foreach (var c in title.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (char.IsWhiteSpace(c) || c is '-' or ':' or '&')
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The catalog id of each title: one query for those stored, an import from TMDB for the others (a show's import
    /// stores its seasons). A stored show a row names an episode of and that has no season stored (TMDB failed for them
    /// when it was added) has them fetched now (through the TMDB rate limiter), so the episode's viewing can be recorded.
    /// </summary>
    private async Task<Dictionary<(int TmdbId, MediaType Type), TitleMatch>> CatalogIdsAsync(
        List<(int TmdbId, MediaType Type)> titles, HashSet<(int TmdbId, MediaType Type)> withEpisodes, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(int, MediaType), TitleMatch>();
        if (titles.Count == 0)
        {
            return result;
        }

        var ids = titles.Select(t => t.TmdbId).Distinct().ToList();
        var stored = await db.MediaItems.AsNoTracking()
            .Where(m => ids.Contains(m.TmdbId))
            .Select(m => new { m.Id, m.TmdbId, m.TmdbType, HasSeasons = db.Seasons.Any(s => s.MediaItemId == m.Id) })
            .ToListAsync(cancellationToken);
        var seasonless = new List<(string MediaItemId, int TmdbId)>();
        foreach (var item in stored)
        {
            if (titles.Contains((item.TmdbId, item.TmdbType)))
            {
                result[(item.TmdbId, item.TmdbType)] = TitleMatch.Of(item.Id);
                if (!item.HasSeasons && withEpisodes.Contains((item.TmdbId, item.TmdbType)))
                {
                    seasonless.Add((item.Id, item.TmdbId));
                }
            }
        }

        await Parallel.ForEachAsync(
            seasonless,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.LookupParallelism, CancellationToken = cancellationToken },
            async (show, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<ShowSeasons>().RefreshAsync(show.MediaItemId, show.TmdbId, token);
                }
                catch (NotFoundException)
                {
                    // TMDB no longer knows the show: its episodes' viewings cannot be recorded; the rows still count.
                }
            });

        var missing = titles.Where(t => !result.ContainsKey(t)).ToList();
        var imported = new ConcurrentDictionary<(int, MediaType), TitleMatch>();
        await Parallel.ForEachAsync(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.LookupParallelism, CancellationToken = cancellationToken },
            async (title, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var catalog = scope.ServiceProvider.GetRequiredService<MediaCatalog>();
                try
                {
                    imported[title] = TitleMatch.Of((await catalog.EnsureAsync(title.TmdbId, title.Type, token)).MediaItemId);
                }
                catch (NotFoundException)
                {
                    imported[title] = TitleMatch.None(string.Create(
                        CultureInfo.InvariantCulture, $"TMDB has no {(title.Type == MediaType.Movie ? "movie" : "TV show")} {title.TmdbId}."));
                }
            });
        foreach (var (title, match) in imported)
        {
            result[title] = match;
        }

        return result;
    }

    private sealed record LookupAnswer(int? TmdbId, MediaType? MediaType, string? Reason, int? SeasonNumber = null, int? EpisodeNumber = null);
}

/// <summary>An episode of a show by its season and number.</summary>
public sealed record EpisodeNumber(int Season, int Number);

/// <summary>A row's title in the catalog, or why it has none; for a row naming an episode of a show, the episode.</summary>
public sealed record TitleMatch(string? MediaItemId, string? Reason)
{
    public EpisodeNumber? Episode { get; init; }

    public static TitleMatch Of(string mediaItemId) => new(mediaItemId, null);

    public static TitleMatch None(string reason) => new(null, reason);
}
