using System.Collections.Concurrent;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media.Tmdb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace InFocus.Domain.Media;

/// <summary>
/// The <c>RefreshStreamingProviders</c> job: refreshes the providers of titles whose data is older than
/// <see cref="TmdbOptions.ProviderMaxAgeHours"/>, titles on someone's watchlist first, never-refreshed and oldest first, in batches, a few titles at a
/// time (the shared rate limiter keeps the pace under TMDB's limit), until none is stale or the time budget is spent.
/// Each title is one TMDB request and one transaction. A title that fails is logged and skipped for this run; a
/// title TMDB no longer knows (404) is stamped refreshed with its providers kept, so it is not retried every run. The
/// run stops early only when TMDB as a whole is unavailable (not configured, or the circuit is open).
/// </summary>
public sealed partial class StreamingProviderRefresh(
    IServiceScopeFactory scopes,
    TmdbClient tmdb,
    IOptions<TmdbOptions> options,
    TimeProvider clock,
    ILogger<StreamingProviderRefresh> logger)
{
    public async Task<ProviderRefreshReport> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = clock.GetUtcNow();
        if (!settings.IsConfigured)
        {
            LogNotConfigured(logger);
            return new ProviderRefreshReport(0, 0, 0, ProviderRefreshStop.NotConfigured);
        }

        var staleBefore = started - settings.ProviderMaxAge;
        var deadline = started + settings.RefreshTimeBudget;
        var skipped = new ConcurrentBag<string>();
        var counts = new RefreshCounts();
        var stop = ProviderRefreshStop.NothingStale;
        using var tmdbDown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        while (stop == ProviderRefreshStop.NothingStale)
        {
            if (clock.GetUtcNow() >= deadline)
            {
                stop = ProviderRefreshStop.TimeBudgetSpent;
                break;
            }

            var batch = await NextBatchAsync(staleBefore, skipped.ToList(), settings.RefreshBatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.RefreshParallelism, CancellationToken = tmdbDown.Token };
            try
            {
                await Parallel.ForEachAsync(batch, parallel, async (title, token) =>
                {
                    if (clock.GetUtcNow() >= deadline)
                    {
                        return;
                    }

                    var outcome = await RefreshAsync(title, token);
                    counts.Add(outcome);
                    if (outcome is TitleOutcome.Failed or TitleOutcome.TmdbDown)
                    {
                        skipped.Add(title.Id);
                    }

                    if (outcome == TitleOutcome.TmdbDown)
                    {
                        await tmdbDown.CancelAsync();
                    }
                });
            }
            catch (OperationCanceledException) when (tmdbDown.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                stop = ProviderRefreshStop.TmdbUnavailable;
            }
        }

        var report = new ProviderRefreshReport(counts.Refreshed, counts.Failed, counts.NotFound, stop);
        LogFinished(logger, report.Refreshed, report.Failed, report.NotFoundAtTmdb, report.Stop, (clock.GetUtcNow() - started).TotalSeconds);
        return report;
    }

    /// <summary>
    /// The next stale titles not yet skipped in this run: titles on someone's watchlist before the rest of the catalog,
    /// and within each never-refreshed ones first, then the oldest. Each of the (at most four) statements walks the
    /// index on (providers_refreshed_at, id) in its order and stops at the batch size, so a batch costs the same
    /// whatever the number of stale titles: no sort of all of them (<c>StreamingProviderRefreshOrderTests</c>).
    /// </summary>
    private async Task<List<StaleTitle>> NextBatchAsync(
        DateTimeOffset staleBefore, List<string> skipped, int size, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InFocusDbContext>();
        var batch = new List<StaleTitle>(size);
        foreach (var listed in (bool[])[true, false])
        {
            var titles = db.MediaItems.Where(m => !skipped.Contains(m.Id)
                && db.WatchlistEntries.Any(w => w.MediaItemId == m.Id) == listed);
            batch.AddRange(await titles
                .Where(m => m.ProvidersRefreshedAt == null)
                .OrderBy(m => m.Id)
                .Take(size - batch.Count)
                .Select(m => new StaleTitle(m.Id, m.TmdbId, m.TmdbType))
                .ToListAsync(cancellationToken));
            if (batch.Count < size)
            {
                batch.AddRange(await titles
                    .Where(m => m.ProvidersRefreshedAt < staleBefore)
                    .OrderBy(m => m.ProvidersRefreshedAt)
                    .ThenBy(m => m.Id)
                    .Take(size - batch.Count)
                    .Select(m => new StaleTitle(m.Id, m.TmdbId, m.TmdbType))
                    .ToListAsync(cancellationToken));
            }

            if (batch.Count == size)
            {
                break;
            }
        }

        return batch;
    }

    private async Task<TitleOutcome> RefreshAsync(StaleTitle title, CancellationToken cancellationToken)
    {
        var type = SnakeCaseEnum<MediaType>.ToName(title.Type);
        try
        {
            IReadOnlyList<ProviderOffer>? offers;
            try
            {
                offers = ProviderOffer.From(await tmdb.GetWatchProvidersAsync(title.Type, title.TmdbId, cancellationToken));
            }
            catch (NotFoundException)
            {
                LogNotFoundAtTmdb(logger, type, title.TmdbId, title.Id);
                offers = null;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InFocusDbContext>();
            var stored = await CatalogWriter.RefreshProvidersAsync(db, title.Id, offers, clock.GetUtcNow(), cancellationToken);
            return !stored ? TitleOutcome.Gone : offers is null ? TitleOutcome.NotFound : TitleOutcome.Refreshed;
        }
        catch (DependencyUnavailableException e) when (e.InnerException is BrokenCircuitException)
        {
            LogTmdbDown(logger, type, title.TmdbId, title.Id);
            return TitleOutcome.TmdbDown;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, type, title.TmdbId, title.Id, e);
            return TitleOutcome.Failed;
        }
    }

    private sealed record StaleTitle(string Id, int TmdbId, MediaType Type);

    private enum TitleOutcome
    {
        Refreshed,
        NotFound,
        Gone,
        Failed,
        TmdbDown,
    }

    private sealed class RefreshCounts
    {
        private int _refreshed;
        private int _notFound;
        private int _failed;

        public int Refreshed => _refreshed;

        public int NotFound => _notFound;

        public int Failed => _failed;

        public void Add(TitleOutcome outcome)
        {
            switch (outcome)
            {
                case TitleOutcome.Refreshed:
                    Interlocked.Increment(ref _refreshed);
                    break;
                case TitleOutcome.NotFound:
                    Interlocked.Increment(ref _notFound);
                    break;
                case TitleOutcome.Failed or TitleOutcome.TmdbDown:
                    Interlocked.Increment(ref _failed);
                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streaming providers not refreshed: TMDB is not configured")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB no longer knows {Type} {TmdbId} (title {MediaItemId}); its providers are kept and marked refreshed")]
    private static partial void LogNotFoundAtTmdb(ILogger logger, string type, int tmdbId, string mediaItemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TMDB is unavailable (circuit open) at {Type} {TmdbId} (title {MediaItemId}); stopping this run")]
    private static partial void LogTmdbDown(ILogger logger, string type, int tmdbId, string mediaItemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing the providers of {Type} {TmdbId} (title {MediaItemId}) failed; skipped")]
    private static partial void LogFailed(ILogger logger, string type, int tmdbId, string mediaItemId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Streaming providers refreshed: {Refreshed} titles, {Failed} failed, {NotFound} unknown at TMDB; stopped because {Stop}, after {ElapsedSeconds:0.0} s")]
    private static partial void LogFinished(ILogger logger, int refreshed, int failed, int notFound, ProviderRefreshStop stop, double elapsedSeconds);
}

/// <summary>What one run of the refresh job did.</summary>
public sealed record ProviderRefreshReport(int Refreshed, int Failed, int NotFoundAtTmdb, ProviderRefreshStop Stop);

/// <summary>Why a refresh run ended.</summary>
public enum ProviderRefreshStop
{
    /// <summary>Every stale title was refreshed or skipped.</summary>
    NothingStale,

    /// <summary>The time budget ran out; the rest waits for the next run.</summary>
    TimeBudgetSpent,

    /// <summary>TMDB's circuit opened; the rest waits for the next run.</summary>
    TmdbUnavailable,

    /// <summary>No TMDB credentials are configured.</summary>
    NotConfigured,
}
