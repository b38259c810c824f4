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

    public static string[] NewIds(int count) => Enumerable.Range(0, count).Select(_ => Cuid.NewId()).ToArray();
}
