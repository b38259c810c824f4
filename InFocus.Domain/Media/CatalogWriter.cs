using System.Globalization;
using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Media;

/// <summary>
/// The catalog's writes, set-based and safe under concurrency: a title is upserted on its unique (tmdb_id, tmdb_type)
/// and its provider rows are replaced in the same transaction with two statements whatever their number. The title's
/// row is written (and so locked) first, which serializes concurrent writers of the same title.
/// </summary>
internal static class CatalogWriter
{
    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Inserts the title or, when it exists, updates it; returns its id and whether it was inserted.</summary>
    public static async Task<MediaImportResult> UpsertTitleAsync(
        InFocusDbContext db, int tmdbId, MediaType type, CatalogTitle title, IReadOnlyList<ProviderOffer> offers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var typeName = SnakeCaseEnum<MediaType>.ToName(type);
        var newId = Cuid.NewId();

        // DO NOTHING (not DO UPDATE) so that "created" is exact: a concurrent importer waits here for the first
        // one's commit, inserts nothing, and updates below.
        var inserted = await db.Database.SqlQuery<string>($"""
            INSERT INTO media_items (id, tmdb_id, tmdb_type, title, description, poster_path, backdrop_path,
                                     release_date, rating, genres, creators, runtime, popularity, providers_refreshed_at)
            VALUES ({newId}, {tmdbId}, {typeName}, {title.Title}, {title.Description}::text, {title.PosterPath}::text,
                    {title.BackdropPath}::text, {title.ReleaseDate}::date, {title.Rating}::numeric, {title.Genres},
                    {title.Creators}, {title.Runtime}::integer, {title.Popularity}::numeric, {now})
            ON CONFLICT (tmdb_id, tmdb_type) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);

        var id = inserted.SingleOrDefault() ?? (await db.Database.SqlQuery<string>($"""
            UPDATE media_items
            SET title = {title.Title}, description = {title.Description}::text, poster_path = {title.PosterPath}::text,
                backdrop_path = {title.BackdropPath}::text, release_date = {title.ReleaseDate}::date,
                rating = {title.Rating}::numeric, genres = {title.Genres}, creators = {title.Creators},
                runtime = {title.Runtime}::integer, popularity = {title.Popularity}::numeric, providers_refreshed_at = {now}
            WHERE tmdb_id = {tmdbId} AND tmdb_type = {typeName}
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken)).Single();

        await ReplaceProvidersAsync(db, id, offers, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MediaImportResult(id, Created: inserted.Count == 1);
    }

    /// <summary>
    /// Stamps the title as refreshed now and, when <paramref name="offers"/> is given, replaces its providers.
    /// False when the title no longer exists.
    /// </summary>
    public static async Task<bool> RefreshProvidersAsync(
        InFocusDbContext db, string mediaItemId, IReadOnlyList<ProviderOffer>? offers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.MediaItems
            .Where(m => m.Id == mediaItemId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProvidersRefreshedAt, now), cancellationToken);
        if (updated == 0)
        {
            return false;
        }

        if (offers is not null)
        {
            await ReplaceProvidersAsync(db, mediaItemId, offers, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes the rows of offers that disappeared, inserts new ones and updates changed ones (unchanged rows keep
    /// their <c>updated_at</c>). Runs inside the caller's transaction, after the title's row is locked. First, in one
    /// statement, notifies the arrivals: every (provider, region) that now offers the title by subscription, free or
    /// with ads and did not before raises one <c>title_available</c> notification for each user who wants the title
    /// (on their watchlist, not completed), lives in that region and has that provider; the arrival's time is part of
    /// the event, so leaving and arriving again notifies again, and the same arrival never twice.
    /// </summary>
    private static async Task ReplaceProvidersAsync(
        InFocusDbContext db, string mediaItemId, IReadOnlyList<ProviderOffer> offers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = JsonSerializer.Serialize(
            offers.Select(o => new OfferRow(
                Cuid.NewId(), o.TmdbProviderId, o.Name, SnakeCaseEnum<StreamingOfferType>.ToName(o.OfferType), o.LogoPath, o.Url, o.Regions)),
            RowJson);
        var arrival = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

        if (offers.Any(o => o.OfferType is StreamingOfferType.Subscription or StreamingOfferType.Free or StreamingOfferType.Ads))
        {
            await NotifyArrivalsAsync(db, mediaItemId, rows, arrival, cancellationToken);
        }

        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM streaming_providers AS sp
            WHERE sp.media_item_id = {mediaItemId}
              AND NOT EXISTS (
                  SELECT 1 FROM jsonb_to_recordset({rows}::jsonb) AS o(tmdb_provider_id integer, offer_type text)
                  WHERE o.tmdb_provider_id = sp.tmdb_provider_id AND o.offer_type = sp.offer_type)
            """, cancellationToken);

        if (offers.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO streaming_providers AS sp (id, media_item_id, tmdb_provider_id, provider, offer_type, logo_path, url, regions)
            SELECT o.id, {mediaItemId}, o.tmdb_provider_id, o.provider, o.offer_type, o.logo_path, o.url, o.regions
            FROM jsonb_to_recordset({rows}::jsonb) AS o(id text, tmdb_provider_id integer, provider text, offer_type text,
                                                        logo_path text, url text, regions text[])
            ON CONFLICT (media_item_id, tmdb_provider_id, offer_type) DO UPDATE
            SET provider = excluded.provider, logo_path = excluded.logo_path, url = excluded.url, regions = excluded.regions
            WHERE (sp.provider, sp.logo_path, sp.url, sp.regions)
                  IS DISTINCT FROM (excluded.provider, excluded.logo_path, excluded.url, excluded.regions)
            """, cancellationToken);
    }

    private static Task NotifyArrivalsAsync(InFocusDbContext db, string mediaItemId, string rows, string arrival, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            WITH arrivals AS (
                SELECT o.tmdb_provider_id, min(o.provider) AS provider, r.region
                FROM jsonb_to_recordset({rows}::jsonb) AS o(tmdb_provider_id integer, provider text, offer_type text, regions text[]),
                     unnest(o.regions) AS r(region)
                WHERE o.offer_type IN ('subscription', 'free', 'ads')
                  AND NOT EXISTS (
                      SELECT 1 FROM streaming_providers AS sp
                      WHERE sp.media_item_id = {mediaItemId} AND sp.tmdb_provider_id = o.tmdb_provider_id
                        AND sp.offer_type IN ('subscription', 'free', 'ads') AND r.region = ANY (sp.regions))
                GROUP BY o.tmdb_provider_id, r.region
            )
            INSERT INTO notifications (id, user_id, type, event_key, media_item_id, tmdb_provider_id, provider, region)
            SELECT 'c' || left(md5(w.id || ':' || a.tmdb_provider_id || ':' || a.region || ':' || {arrival}), 24), w.user_id, 'title_available',
                   'title_available:' || {mediaItemId} || ':' || a.tmdb_provider_id || ':' || a.region || ':' || {arrival},
                   {mediaItemId}, a.tmdb_provider_id, a.provider, a.region
            FROM arrivals AS a
            JOIN users AS u ON u.region = a.region
            JOIN subscriptions AS s ON s.user_id = u.id AND s.tmdb_provider_id = a.tmdb_provider_id
            JOIN watchlist_entries AS w ON w.user_id = u.id AND w.media_item_id = {mediaItemId} AND w.status <> 'completed'
            WHERE NOT EXISTS (
                SELECT 1 FROM profiles AS pr
                WHERE pr.user_id = u.id AND pr.preferences -> 'notifications' -> 'types' -> 'title_available' = 'false'::jsonb)
            ON CONFLICT (user_id, event_key) DO NOTHING
            """, cancellationToken);

    private sealed record OfferRow(
        string Id, int TmdbProviderId, string Provider, string OfferType, string? LogoPath, string? Url, List<string> Regions);
}

/// <summary>The catalog row of an imported title, and whether this import created it.</summary>
public sealed record MediaImportResult(string MediaItemId, bool Created);
