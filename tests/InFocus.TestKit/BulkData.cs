using InFocus.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace InFocus.TestKit;

/// <summary>Many rows at once, inserted set-based in one statement, for tests that need volume (query counts).</summary>
public static class BulkData
{
    private static int _tmdbIds = 10_000_000;

    /// <summary>Inserts <paramref name="count"/> movies ("Title 1", ...) with a few genres each; returns their ids in order.</summary>
    public static async Task<string[]> InsertTitlesAsync(this DomainFixture fixture, int count)
    {
        var ids = NewIds(count);
        var firstTmdbId = Interlocked.Add(ref _tmdbIds, count) - count;
        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO media_items (id, tmdb_id, tmdb_type, title, genres, creators)
            SELECT id, {firstTmdbId} + n, 'movie', 'Title ' || n, ARRAY['Drama', 'Genre ' || n % 7], ARRAY['Someone']
            FROM unnest({ids}) WITH ORDINALITY AS t(id, n)
            """));
        return ids;
    }

    /// <summary>
    /// Inserts <paramref name="count"/> TV shows ("Show 1", ...), each with <paramref name="seasons"/> seasons of
    /// <paramref name="episodesPerSeason"/> episodes aired weekly from <paramref name="firstAirDate"/> (season after
    /// season), in three statements; returns the shows' ids in order.
    /// </summary>
    public static async Task<string[]> InsertShowsAsync(
        this DomainFixture fixture, int count, int seasons, int episodesPerSeason, DateOnly firstAirDate)
    {
        var ids = NewIds(count);
        var firstTmdbId = Interlocked.Add(ref _tmdbIds, count) - count;
        await fixture.DbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO media_items (id, tmdb_id, tmdb_type, title, genres, creators, show_status, seasons_refreshed_at)
                SELECT id, {firstTmdbId} + n, 'tv', 'Show ' || n, ARRAY['Drama'], ARRAY['Someone'], 'returning_series', now()
                FROM unnest({ids}) WITH ORDINALITY AS t(id, n)
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO seasons (id, media_item_id, number, name, episode_count)
                SELECT 'c' || substr(md5(m.id || s), 1, 24), m.id, s, 'Season ' || s, {episodesPerSeason}
                FROM unnest({ids}) AS m(id), generate_series(1, {seasons}) AS s
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO episodes (id, media_item_id, season_id, season_number, number, name, air_date)
                SELECT 'c' || substr(md5(m.id || s || '/' || e), 1, 24), m.id, 'c' || substr(md5(m.id || s), 1, 24), s, e,
                       'Episode ' || e, {firstAirDate}::date + 7 * ((s - 1) * {episodesPerSeason} + e - 1)
                FROM unnest({ids}) AS m(id), generate_series(1, {seasons}) AS s, generate_series(1, {episodesPerSeason}) AS e
                """);
        });
        return ids;
    }

    public static string[] NewIds(int count) => Enumerable.Range(0, count).Select(_ => Cuid.NewId()).ToArray();
}
