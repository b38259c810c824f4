using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media.Tmdb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Media;

/// <summary>
/// Stores a show's seasons and episodes from TMDB: one request per season (<c>tv/{id}/season/{n}</c>, through the
/// shared TMDB rate limiter), then one transaction of set-based statements whatever the number of episodes. Episodes
/// and seasons TMDB no longer lists are removed unless someone has watched them (their viewings are history).
/// </summary>
public sealed partial class ShowSeasons(InFocusDbContext db, TmdbClient tmdb, TimeProvider clock, ILogger<ShowSeasons> logger)
{
    /// <summary>The most seasons stored per show (long-running soaps have a few dozen).</summary>
    public const int MaxSeasons = 100;

    /// <summary>The most episodes stored per season.</summary>
    public const int MaxEpisodesPerSeason = 1_000;

    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Stores every season <paramref name="details"/> lists with the show's status: those appended to the details as
    /// they came, the others fetched one request each. TMDB's failures propagate
    /// (<see cref="DependencyUnavailableException"/>, <see cref="NotFoundException"/>); nothing is written then.
    /// </summary>
    public async Task<int> RefreshAsync(string mediaItemId, int tmdbId, TmdbTitleDetails details, CancellationToken cancellationToken)
    {
        var seasons = new List<TmdbSeason>();
        foreach (var summary in (details.Seasons ?? []).Where(s => s.SeasonNumber >= 0).DistinctBy(s => s.SeasonNumber).Take(MaxSeasons))
        {
            seasons.Add(details.AppendedSeason(summary.SeasonNumber) is { SeasonNumber: var number } appended && number == summary.SeasonNumber
                ? appended
                : await tmdb.GetSeasonAsync(tmdbId, summary.SeasonNumber, cancellationToken));
        }

        var episodes = await StoreAsync(mediaItemId, ShowStatuses.FromTmdb(details.Status), seasons, cancellationToken);
        LogStored(logger, tmdbId, mediaItemId, seasons.Count, episodes);
        return episodes;
    }

    /// <summary>
    /// The refresh job's path: the show's details with the seasons already stored appended (one request for up to
    /// <see cref="TmdbClient.MaxAppendedResponses"/> seasons), then one request per season that is new or did not fit.
    /// </summary>
    public async Task<int> RefreshAsync(string mediaItemId, int tmdbId, CancellationToken cancellationToken)
    {
        var stored = await db.Seasons.AsNoTracking().Where(s => s.MediaItemId == mediaItemId)
            .OrderByDescending(s => s.Number).Select(s => s.Number).Take(TmdbClient.MaxAppendedResponses).ToListAsync(cancellationToken);
        var details = await tmdb.GetShowWithSeasonsAsync(tmdbId, stored.Order(), cancellationToken);
        return await RefreshAsync(mediaItemId, tmdbId, details, cancellationToken);
    }

    /// <summary>
    /// Marks the show refreshed without changing its seasons (TMDB no longer knows it), so the job does not retry it
    /// every run.
    /// </summary>
    public Task StampAsync(string mediaItemId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.MediaItems.Where(m => m.Id == mediaItemId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SeasonsRefreshedAt, now), cancellationToken);
    }

    private async Task<int> StoreAsync(string mediaItemId, ShowStatus? status, IReadOnlyList<TmdbSeason> seasons, CancellationToken cancellationToken)
    {
        var seasonRows = JsonSerializer.Serialize(
            seasons.Select(s => new SeasonRow(
                Cuid.NewId(), s.SeasonNumber, TmdbValues.Text(s.Name, FieldLimits.MediaTitle), TmdbValues.Date(s.AirDate),
                s.Episodes?.Count ?? 0)),
            RowJson);
        var episodeList = seasons
            .SelectMany(s => (s.Episodes ?? []).Where(e => e.EpisodeNumber >= 0).DistinctBy(e => e.EpisodeNumber).Take(MaxEpisodesPerSeason)
                .Select(e => new EpisodeRow(
                    Cuid.NewId(), s.SeasonNumber, e.EpisodeNumber, TmdbValues.Text(e.Name, FieldLimits.MediaTitle),
                    TmdbValues.Date(e.AirDate), e.Runtime is >= 0 ? e.Runtime : null, TmdbValues.ImagePath(e.StillPath))))
            .ToList();
        var episodeRows = JsonSerializer.Serialize(episodeList, RowJson);
        var statusName = status is { } known ? SnakeCaseEnum<ShowStatus>.ToName(known) : null;
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The show's row first: it serializes concurrent refreshes of the same show.
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE media_items SET show_status = {statusName}::text, seasons_refreshed_at = {now}
            WHERE id = {mediaItemId} AND tmdb_type = 'tv'
            """, cancellationToken);
        if (updated == 0)
        {
            return 0;
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO seasons AS s (id, media_item_id, number, name, air_date, episode_count)
            SELECT r.id, {mediaItemId}, r.number, r.name, r.air_date, r.episode_count
            FROM jsonb_to_recordset({seasonRows}::jsonb) AS r(id text, number integer, name text, air_date date, episode_count integer)
            ON CONFLICT (media_item_id, number) DO UPDATE
            SET name = excluded.name, air_date = excluded.air_date, episode_count = excluded.episode_count
            WHERE (s.name, s.air_date, s.episode_count) IS DISTINCT FROM (excluded.name, excluded.air_date, excluded.episode_count)
            """, cancellationToken);

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO episodes AS e (id, media_item_id, season_id, season_number, number, name, air_date, runtime, still_path)
            SELECT r.id, {mediaItemId}, s.id, r.season_number, r.number, r.name, r.air_date, r.runtime, r.still_path
            FROM jsonb_to_recordset({episodeRows}::jsonb)
                 AS r(id text, season_number integer, number integer, name text, air_date date, runtime integer, still_path text)
            JOIN seasons s ON s.media_item_id = {mediaItemId} AND s.number = r.season_number
            ON CONFLICT (media_item_id, season_number, number) DO UPDATE
            SET name = excluded.name, air_date = excluded.air_date, runtime = excluded.runtime, still_path = excluded.still_path
            WHERE (e.name, e.air_date, e.runtime, e.still_path)
                  IS DISTINCT FROM (excluded.name, excluded.air_date, excluded.runtime, excluded.still_path)
            """, cancellationToken);

        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM episodes AS e
            WHERE e.media_item_id = {mediaItemId}
              AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset({episodeRows}::jsonb) AS r(season_number integer, number integer)
                              WHERE r.season_number = e.season_number AND r.number = e.number)
              AND NOT EXISTS (SELECT 1 FROM viewings v WHERE v.episode_id = e.id)
            """, cancellationToken);

        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM seasons AS s
            WHERE s.media_item_id = {mediaItemId}
              AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset({seasonRows}::jsonb) AS r(number integer) WHERE r.number = s.number)
              AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.season_id = s.id)
            """, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return episodeList.Count;
    }

    private sealed record SeasonRow(string Id, int Number, string? Name, DateOnly? AirDate, int EpisodeCount);

    private sealed record EpisodeRow(string Id, int SeasonNumber, int Number, string? Name, DateOnly? AirDate, int? Runtime, string? StillPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored TMDB show {TmdbId} ({MediaItemId}): {SeasonCount} seasons, {EpisodeCount} episodes")]
    private static partial void LogStored(ILogger logger, int tmdbId, string mediaItemId, int seasonCount, int episodeCount);
}
