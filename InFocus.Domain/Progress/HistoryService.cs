using System.Globalization;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Progress;

/// <summary>What <c>GET /api/me/history</c> lists: <c>movie</c> viewings or <c>episode</c> viewings.</summary>
public enum HistoryType
{
    Movie,
    Episode,
}

/// <summary>Query of <c>GET /api/me/history</c>, as received: <c>from</c>/<c>to</c> are ISO-8601 dates or times (UTC).</summary>
public sealed record HistoryQuery(string? From, string? To, string? Type);

/// <summary>One dated viewing of a movie or an episode.</summary>
public sealed record HistoryItem(
    string Id,
    DateTimeOffset WatchedAt,
    MediaType Type,
    string MediaItemId,
    string Title,
    string? PosterUrl,
    HistoryEpisode? Episode);

public sealed record HistoryEpisode(int Season, int Number, string? Name);

/// <summary>
/// <c>GET /api/me/history</c>: the caller's dated viewings (undated ones, from imports, are not history), newest first,
/// between <c>from</c> (inclusive) and <c>to</c> (exclusive), keyset-paged on (<c>watched_at</c>, id) over the
/// (user, watched_at, id) index. One statement.
/// </summary>
public sealed class HistoryService(InFocusDbContext db, MediaImages images)
{
    public async Task<Page<HistoryItem>> ListAsync(CurrentUser user, HistoryQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var from = ParseTime("from", query.From, validation);
        var to = ParseTime("to", query.To, validation);
        var type = SnakeCaseEnum<HistoryType>.ParseOptional("type", query.Type, validation);
        if (from is not null && to is not null && from >= to)
        {
            validation.Add("to", "must be after from.");
        }

        validation.ThrowIfInvalid();
        var kind = string.Create(CultureInfo.InvariantCulture, $"history:{from:O}:{to:O}:{type}");
        var after = Keyset.After<DateTimeOffset>(kind, page.Cursor);
        var viewings = db.Viewings.AsNoTracking().Where(v => v.UserId == user.UserId && v.WatchedAt != null);
        if (from is not null)
        {
            viewings = viewings.Where(v => v.WatchedAt >= from);
        }

        if (to is not null)
        {
            viewings = viewings.Where(v => v.WatchedAt < to);
        }

        if (type is not null)
        {
            var movies = type == HistoryType.Movie;
            viewings = viewings.Where(v => (v.EpisodeId == null) == movies);
        }

        var rows = await viewings
            .OrderByKeyset(v => v.WatchedAt!.Value, v => v.Id, descending: true, after)
            .Take(page.Limit + 1)
            .Select(v => new
            {
                v.Id,
                WatchedAt = v.WatchedAt!.Value,
                v.MediaItemId,
                v.MediaItem!.TmdbType,
                v.MediaItem.Title,
                v.MediaItem.PosterPath,
                Episode = v.Episode == null ? null : new HistoryEpisode(v.Episode.SeasonNumber, v.Episode.Number, v.Episode.Name),
            })
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, kind, r => r.WatchedAt, r => r.Id)
            .Map(r => new HistoryItem(r.Id, r.WatchedAt, r.TmdbType, r.MediaItemId, r.Title, images.Poster(r.PosterPath), r.Episode));
    }

    /// <summary>An ISO-8601 time (a date alone is its midnight UTC); no offset means UTC.</summary>
    private static DateTimeOffset? ParseTime(string field, string? value, Validation validation)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && time.Year is >= 1900 and <= 2200)
        {
            return time;
        }

        validation.Add(field, "must be an ISO-8601 date or time, such as 2026-01-31 or 2026-01-31T20:00:00Z.");
        return null;
    }
}
