using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Imports;

/// <summary>Remembers TMDB's answers to lookups: one statement per batch; a key another run stored first is kept.</summary>
internal static class TitleLookupWriter
{
    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task InsertAsync(InFocusDbContext db, IReadOnlyList<TitleLookup> lookups, CancellationToken cancellationToken)
    {
        if (lookups.Count == 0)
        {
            return;
        }

        var rows = JsonSerializer.Serialize(
            lookups.Select(l => new Row(l.Key, l.TmdbId, l.MediaType is { } t ? SnakeCaseEnum<Media.MediaType>.ToName(t) : null, l.SeasonNumber, l.EpisodeNumber, l.Reason)), RowJson);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO title_lookups (key, tmdb_id, media_type, season_number, episode_number, reason)
            SELECT r.key, r.tmdb_id, r.media_type, r.season_number, r.episode_number, left(r.reason, 1000)
            FROM jsonb_to_recordset({rows}::jsonb)
                 AS r(key text, tmdb_id integer, media_type text, season_number integer, episode_number integer, reason text)
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken);
    }

    private sealed record Row(string Key, int? TmdbId, string? MediaType, int? SeasonNumber, int? EpisodeNumber, string? Reason);
}
