using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Progress;

/// <summary>
/// A user's progress through a title on their watchlist: recording and removing viewings
/// (<c>POST/DELETE /api/watchlist/{id}/viewings</c>) and reading progress (<c>GET /api/watchlist/{id}/progress</c>).
/// Progress counts aired regular episodes only (season 1 and up, air date today or earlier). Each call is a fixed
/// number of statements whatever the number of episodes or viewings.
/// </summary>
public sealed class ProgressService(InFocusDbContext db, TimeProvider clock)
{
    /// <summary>The most episodes one request may name in <c>episodes</c>.</summary>
    public const int MaxEpisodesPerRequest = 2_000;

    /// <summary>How far ahead of the server's clock a <c>watchedAt</c> may be (clock skew of a device).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    private static readonly DateTimeOffset EarliestViewing = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Entry = "The watchlist entry";

    /// <summary>Two statements: the entry and its episodes with the user's viewings.</summary>
    public async Task<ProgressResponse> GetAsync(CurrentUser user, string? entryId, CancellationToken cancellationToken)
    {
        var entry = await FindEntryAsync(user.UserId, entryId, cancellationToken);
        return await ProgressOfAsync(user.UserId, entry, cancellationToken);
    }

    /// <summary>
    /// Records viewings of what <paramref name="request"/> selects and answers with the new progress: the entry and
    /// the show's episodes (two reads), then one transaction (lock, one INSERT however many episodes, the entry's
    /// status), then the progress (two reads).
    /// </summary>
    public async Task<ProgressResponse> RecordAsync(
        CurrentUser user, string? entryId, RecordViewingsRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var watchedAt = ValidateWatchedAt(request.WatchedAt, now);
        var entry = await FindEntryAsync(user.UserId, entryId, cancellationToken);
        var today = Today;
        IReadOnlyList<string?> episodeIds = entry.Type == MediaType.Movie
            ? MovieSelection(request)
            : EpisodeSelection.Select(request, await EpisodesOfAsync(entry.MediaItemId, cancellationToken), today);
        await ViewingWriter.RecordAsync(
            db, [user.UserId], entry.MediaItemId, episodeIds, watchedAt ?? now, dated: watchedAt is not null, today, cancellationToken);
        return await ProgressOfAsync(user.UserId, await FindEntryAsync(user.UserId, entryId, cancellationToken), cancellationToken);
    }

    /// <summary><c>DELETE /api/watchlist/{id}/viewings/{viewingId}</c>: one viewing of the entry's title.</summary>
    public async Task DeleteAsync(CurrentUser user, string? entryId, string? viewingId, CancellationToken cancellationToken)
    {
        var entry = await FindEntryAsync(user.UserId, entryId, cancellationToken);
        if (!Cuid.IsValid(viewingId))
        {
            throw new NotFoundException("The viewing");
        }

        var viewings = db.Viewings.Where(v => v.Id == viewingId && v.UserId == user.UserId && v.MediaItemId == entry.MediaItemId);
        if (await ViewingWriter.DeleteAsync(db, user.UserId, entry.MediaItemId, viewings, Today, cancellationToken) == 0)
        {
            throw new NotFoundException("The viewing");
        }
    }

    /// <summary>
    /// <c>DELETE /api/watchlist/{id}/viewings?season=&amp;episode=</c>: every viewing of the episode, of the whole season
    /// when <paramref name="episode"/> is absent, or of the movie when both are. Unknown season or episode: 404.
    /// </summary>
    public async Task DeleteAsync(CurrentUser user, string? entryId, string? season, string? episode, CancellationToken cancellationToken)
    {
        var seasonNumber = ParseNumber("season", season);
        var episodeNumber = ParseNumber("episode", episode);
        if (episodeNumber is not null && seasonNumber is null)
        {
            throw ValidationException.For("season", "is required with episode.");
        }

        var entry = await FindEntryAsync(user.UserId, entryId, cancellationToken);
        var viewings = db.Viewings.Where(v => v.UserId == user.UserId && v.MediaItemId == entry.MediaItemId);
        if (entry.Type == MediaType.Movie)
        {
            if (seasonNumber is not null)
            {
                throw ValidationException.For("season", "a movie has no seasons.");
            }

            viewings = viewings.Where(v => v.EpisodeId == null);
        }
        else
        {
            if (seasonNumber is null)
            {
                throw ValidationException.For("season", "is required for a show.");
            }

            var episodes = db.Episodes.Where(e => e.MediaItemId == entry.MediaItemId && e.SeasonNumber == seasonNumber
                                                  && (episodeNumber == null || e.Number == episodeNumber));
            if (!await episodes.AnyAsync(cancellationToken))
            {
                throw new NotFoundException(EpisodeSelection.Name(seasonNumber.Value, episodeNumber));
            }

            viewings = viewings.Where(v => episodes.Any(e => e.Id == v.EpisodeId));
        }

        await ViewingWriter.DeleteAsync(db, user.UserId, entry.MediaItemId, viewings, Today, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A viewing's time, in UTC: not in the future (beyond <see cref="FutureTolerance"/>), not before 1900.</summary>
    internal static DateTimeOffset? ValidateWatchedAt(DateTimeOffset? watchedAt, DateTimeOffset now)
    {
        if (watchedAt is not { } at)
        {
            return null;
        }

        if (at > now + FutureTolerance)
        {
            throw ValidationException.For("watchedAt", "cannot be in the future.");
        }

        return at < EarliestViewing ? throw ValidationException.For("watchedAt", "must be 1900 or later.") : at.ToUniversalTime();
    }

    private static IReadOnlyList<string?> MovieSelection(RecordViewingsRequest request)
    {
        if (request.Season is not null || request.Episode is not null || request.Episodes is not null || request.UpTo is not null)
        {
            throw ValidationException.For(request.Season is not null ? "season" : request.Episode is not null ? "episode" : request.Episodes is not null ? "episodes" : "upTo",
                "a movie has no seasons or episodes; record the movie with no selection.");
        }

        return [null];
    }

    private static int? ParseNumber(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number <= 10_000
            ? number
            : throw ValidationException.For(field, "must be a whole number from 0 to 10000.");
    }

    private async Task<EntryRow> FindEntryAsync(string userId, string? entryId, CancellationToken cancellationToken) =>
        Cuid.IsValid(entryId)
            ? await db.WatchlistEntries.AsNoTracking()
                  .Where(e => e.Id == entryId && e.UserId == userId)
                  .Select(e => new EntryRow(e.Id, e.MediaItemId, e.MediaItem!.TmdbType, e.Status, e.LastWatchedAt))
                  .SingleOrDefaultAsync(cancellationToken)
              ?? throw new NotFoundException(Entry)
            : throw new NotFoundException(Entry);

    private Task<List<EpisodeKey>> EpisodesOfAsync(string mediaItemId, CancellationToken cancellationToken) =>
        db.Episodes.AsNoTracking()
            .Where(e => e.MediaItemId == mediaItemId)
            .Select(e => new EpisodeKey(e.Id, e.SeasonNumber, e.Number, e.AirDate))
            .ToListAsync(cancellationToken);

    private async Task<ProgressResponse> ProgressOfAsync(string userId, EntryRow entry, CancellationToken cancellationToken)
    {
        var today = Today;
        if (entry.Type == MediaType.Movie)
        {
            var movie = await db.Viewings.AsNoTracking()
                .Where(v => v.UserId == userId && v.MediaItemId == entry.MediaItemId && v.EpisodeId == null)
                .GroupBy(v => 1)
                .Select(g => new { Plays = g.Count(), Last = g.Max(v => v.WatchedAt) })
                .SingleOrDefaultAsync(cancellationToken);
            return new ProgressResponse(
                entry.Id, entry.MediaItemId, entry.Type, entry.Status, 1, movie is null ? 0 : 1, movie?.Last ?? entry.LastWatchedAt, null, []);
        }

        var rows = await db.Episodes.AsNoTracking()
            .Where(e => e.MediaItemId == entry.MediaItemId)
            .OrderBy(e => e.SeasonNumber).ThenBy(e => e.Number)
            .Select(e => new
            {
                e.SeasonNumber,
                SeasonName = e.Season!.Name,
                e.Number,
                e.Name,
                e.AirDate,
                Plays = db.Viewings.Count(v => v.UserId == userId && v.EpisodeId == e.Id),
                Last = db.Viewings.Where(v => v.UserId == userId && v.EpisodeId == e.Id).Max(v => v.WatchedAt),
            })
            .ToListAsync(cancellationToken);

        var seasons = rows
            .GroupBy(r => r.SeasonNumber)
            .Select(g =>
            {
                var episodes = g.Select(r => new EpisodeProgressResponse(
                    r.Number, r.Name, r.AirDate, IsAired(r.AirDate, today), r.Plays > 0, r.Plays, r.Last)).ToList();
                return new SeasonProgressResponse(
                    g.Key, g.First().SeasonName, episodes.Count(e => e.Aired), episodes.Count(e => e.Aired && e.Completed), episodes);
            })
            .ToList();
        var regular = seasons.Where(s => s.Number > 0).ToList();
        var next = rows.FirstOrDefault(r => r.SeasonNumber > 0 && IsAired(r.AirDate, today) && r.Plays == 0);
        return new ProgressResponse(
            entry.Id, entry.MediaItemId, entry.Type, entry.Status,
            regular.Sum(s => s.Aired), regular.Sum(s => s.Completed), entry.LastWatchedAt,
            next is null ? null : new NextEpisodeResponse(next.SeasonNumber, next.Number, next.Name, next.AirDate),
            seasons);
    }

    internal static bool IsAired(DateOnly? airDate, DateOnly today) => airDate is { } date && date <= today;

    private sealed record EntryRow(string Id, string MediaItemId, MediaType Type, WatchStatus Status, DateTimeOffset? LastWatchedAt);
}

/// <summary>A show's episode as selections need it.</summary>
internal sealed record EpisodeKey(string Id, int Season, int Number, DateOnly? AirDate);
