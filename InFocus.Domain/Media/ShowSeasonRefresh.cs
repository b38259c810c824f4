using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media.Tmdb;
using InFocus.Domain.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Media;

/// <summary>What a <see cref="ShowSeasonRefresh"/> run did.</summary>
public sealed record ShowSeasonRefreshReport(int Refreshed, int Failed, int Reopened, ShowSeasonRefreshStop Stop);

public enum ShowSeasonRefreshStop
{
    /// <summary>Every show due was refreshed (or failed and was left for the next run).</summary>
    NothingDue,
    TimeBudgetSpent,
    NotConfigured,
    TmdbUnavailable,
}

/// <summary>
/// The <c>RefreshShowSeasons</c> job: stores again the seasons of the shows on someone's watchlist whose seasons are
/// older than <see cref="TmdbOptions.AiringSeasonsMaxAgeHours"/> (still airing, or status unknown) or
/// <see cref="TmdbOptions.EndedSeasonsMaxAgeDays"/> (ended or canceled), never-refreshed and oldest first, in batches
/// of <see cref="TmdbOptions.RefreshBatchSize"/>, one show at a time through the shared TMDB rate limit, until none
/// is due or <see cref="TmdbOptions.RefreshTimeBudget"/> is spent. A show TMDB no longer knows is stamped refreshed;
/// a failing one is skipped for this run; three failures in a row end the run (TMDB is down). Then completed shows
/// with an episode aired since (new, or its air date passed) become watching again, in bounded set-based batches.
/// </summary>
public sealed partial class ShowSeasonRefresh(
    IServiceScopeFactory scopes,
    InFocusDbContext db,
    IOptions<TmdbOptions> options,
    TimeProvider clock,
    ILogger<ShowSeasonRefresh> logger)
{
    private const int FailuresInARowMeaningDown = 3;

    public async Task<ShowSeasonRefreshReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = clock.GetUtcNow();
        var deadline = started + settings.RefreshTimeBudget;
        var (refreshed, failed, failuresInARow) = (0, 0, 0);
        var skipped = new List<string>();
        var stop = settings.IsConfigured ? ShowSeasonRefreshStop.NothingDue : ShowSeasonRefreshStop.NotConfigured;

        while (stop == ShowSeasonRefreshStop.NothingDue)
        {
            var batch = await DueAsync(started, settings, skipped, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var show in batch)
            {
                if (clock.GetUtcNow() >= deadline)
                {
                    stop = ShowSeasonRefreshStop.TimeBudgetSpent;
                    break;
                }

                if (await RefreshAsync(show, cancellationToken))
                {
                    (refreshed, failuresInARow) = (refreshed + 1, 0);
                    continue;
                }

                (failed, failuresInARow) = (failed + 1, failuresInARow + 1);
                skipped.Add(show.Id);
                if (failuresInARow >= FailuresInARowMeaningDown)
                {
                    stop = ShowSeasonRefreshStop.TmdbUnavailable;
                    break;
                }
            }
        }

        var reopened = await ReopenAsync(settings.RefreshBatchSize, deadline, cancellationToken);
        LogRun(logger, refreshed, failed, reopened, stop);
        return new ShowSeasonRefreshReport(refreshed, failed, reopened, stop);
    }

    private Task<List<DueShow>> DueAsync(DateTimeOffset now, TmdbOptions settings, List<string> skipped, CancellationToken cancellationToken)
    {
        var airingBefore = now - TimeSpan.FromHours(settings.AiringSeasonsMaxAgeHours);
        var endedBefore = now - TimeSpan.FromDays(settings.EndedSeasonsMaxAgeDays);
        return db.MediaItems.AsNoTracking()
            .Where(m => m.TmdbType == MediaType.Tv && !skipped.Contains(m.Id))
            .Where(m => db.WatchlistEntries.Any(w => w.MediaItemId == m.Id))
            .Where(m => m.SeasonsRefreshedAt == null
                        || ((m.ShowStatus == ShowStatus.Ended || m.ShowStatus == ShowStatus.Canceled)
                            ? m.SeasonsRefreshedAt < endedBefore
                            : m.SeasonsRefreshedAt < airingBefore))
            .OrderBy(m => m.SeasonsRefreshedAt.HasValue).ThenBy(m => m.SeasonsRefreshedAt).ThenBy(m => m.Id)
            .Select(m => new DueShow(m.Id, m.TmdbId))
            .Take(settings.RefreshBatchSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One show in a scope of its own; false when it failed.</summary>
    private async Task<bool> RefreshAsync(DueShow show, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var seasons = scope.ServiceProvider.GetRequiredService<ShowSeasons>();
        try
        {
            await seasons.RefreshAsync(show.Id, show.TmdbId, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            await seasons.StampAsync(show.Id, cancellationToken);
            LogGone(logger, show.TmdbId);
            return true;
        }
        catch (DependencyUnavailableException e)
        {
            LogFailed(logger, show.TmdbId, e.Message);
            return false;
        }
    }

    private async Task<int> ReopenAsync(int batchSize, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var total = 0;
        int changed;
        do
        {
            changed = await ViewingWriter.ReopenCompletedShowsAsync(db, today, batchSize, cancellationToken);
            total += changed;
        }
        while (changed == batchSize && clock.GetUtcNow() < deadline);

        return total;
    }

    private sealed record DueShow(string Id, int TmdbId);

    [LoggerMessage(Level = LogLevel.Information, Message = "RefreshShowSeasons: {Refreshed} shows refreshed, {Failed} failed, {Reopened} completed shows watching again ({Stop})")]
    private static partial void LogRun(ILogger logger, int refreshed, int failed, int reopened, ShowSeasonRefreshStop stop);

    [LoggerMessage(Level = LogLevel.Information, Message = "TMDB no longer knows show {TmdbId}; its seasons are kept")]
    private static partial void LogGone(ILogger logger, int tmdbId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seasons of TMDB show {TmdbId} not refreshed: {Reason}")]
    private static partial void LogFailed(ILogger logger, int tmdbId, string reason);
}
