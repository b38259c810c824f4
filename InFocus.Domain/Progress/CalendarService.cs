using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Invitations;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Progress;

/// <summary>Query of <c>GET /api/me/calendar</c>, as received: ISO-8601 dates, <c>to</c> inclusive.</summary>
public sealed record CalendarQuery(string? From, string? To);

/// <summary>
/// One date on the calendar: an episode's air date (<c>episode</c> set) or a movie's release date, of a title on the
/// caller's watchlist. <c>id</c> is the episode's id, or the movie's catalog id.
/// </summary>
public sealed record CalendarItem(
    string Id,
    DateOnly Date,
    MediaType Type,
    string MediaItemId,
    string WatchlistEntryId,
    string Title,
    string? PosterUrl,
    CalendarEpisode? Episode);

public sealed record CalendarEpisode(int Season, int Number, string? Name);

/// <summary>The calendar feed's token (shown once) and the address calendar apps subscribe to.</summary>
public sealed record CalendarFeedTokenResponse(string Token, string FeedUrl);

/// <summary>
/// The caller's calendar: upcoming episodes and movie releases of titles on their watchlist, as JSON
/// (<c>GET /api/me/calendar</c>, keyset-paged by date) and as an RFC 5545 iCalendar feed for calendar apps
/// (<c>GET /api/me/calendar.ics?token=</c>, all-day events from 30 days back to 180 ahead, at most
/// <see cref="MaxFeedEvents"/>). The feed's token is the capability: random, 256 bits, stored only as its SHA-256
/// hash, replaced by <see cref="RotateTokenAsync"/>. One statement per read.
/// </summary>
public sealed class CalendarService(InFocusDbContext db, MediaImages images, IOptions<InvitationOptions> links, TimeProvider clock)
{
    /// <summary>The longest range one <c>GET /api/me/calendar</c> may ask for, in days.</summary>
    public const int MaxRangeDays = 92;

    /// <summary>The default range: from today, this many days.</summary>
    public const int DefaultRangeDays = 30;

    public const int FeedDaysBack = 30;
    public const int FeedDaysAhead = 180;
    public const int MaxFeedEvents = 1_000;

    private const string Feed = "The calendar feed";

    public async Task<Page<CalendarItem>> ListAsync(CurrentUser user, CalendarQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var today = Today;
        var from = ParseDate("from", query.From, validation) ?? today;
        var to = ParseDate("to", query.To, validation) ?? from.AddDays(DefaultRangeDays);
        if (validation.IsValid && (to < from || to.DayNumber - from.DayNumber > MaxRangeDays))
        {
            validation.Add("to", $"must be on or after from, at most {MaxRangeDays} days later.");
        }

        validation.ThrowIfInvalid();
        var kind = string.Create(CultureInfo.InvariantCulture, $"calendar:{from:O}:{to:O}");
        var after = page.Cursor is null ? null : PageCursor.Decode<CalendarPosition>(kind, page.Cursor);
        var rows = await RowsAsync(user.UserId, from, to, after, page.Limit + 1, cancellationToken);
        return PageCursor.ToPage(rows, page.Limit, kind, r => new CalendarPosition(r.Date, r.Id)).Map(ToItem);
    }

    /// <summary>The iCalendar text of the feed whose token is <paramref name="token"/>; an unknown token is a 404.</summary>
    public async Task<string> FeedAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SecureToken.HasValidShape(token))
        {
            throw new NotFoundException(Feed);
        }

        var hash = SecureToken.Hash(token!);
        var userId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => f.UserId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Feed);
        var today = Today;
        var rows = await RowsAsync(userId, today.AddDays(-FeedDaysBack), today.AddDays(FeedDaysAhead), null, MaxFeedEvents, cancellationToken);

        var calendar = new Ical.Net.Calendar { ProductId = "-//InFocus//Calendar//EN" };
        calendar.AddProperty("X-WR-CALNAME", "InFocus");
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime, "UTC");
        foreach (var row in rows)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{row.Id}@infocus",
                Summary = row.SeasonNumber is { } season
                    ? string.Create(CultureInfo.InvariantCulture, $"{row.Title} S{season:00}E{row.Number:00}{(row.EpisodeName is null ? "" : $" {row.EpisodeName}")}")
                    : $"{row.Title} (release)",
                DtStart = new CalDateTime(row.Date),
                DtEnd = new CalDateTime(row.Date.AddDays(1)),
                DtStamp = stamp,
                Transparency = TransparencyType.Transparent,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// <c>POST /api/me/calendar/token</c>: a new feed token (the old feed address stops working). One statement.
    /// </summary>
    public async Task<CalendarFeedTokenResponse> RotateTokenAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var token = SecureToken.Generate();
        var hash = SecureToken.Hash(token);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO calendar_feeds (id, user_id, token_hash) VALUES ({Cuid.NewId()}, {user.UserId}, {hash})
            ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash
            """, cancellationToken);
        return new CalendarFeedTokenResponse(token, $"{links.Value.PublicBaseUrl.TrimEnd('/')}/api/me/calendar.ics?token={token}");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private Task<List<CalendarRow>> RowsAsync(
        string userId, DateOnly from, DateOnly to, CalendarPosition? after, int limit, CancellationToken cancellationToken)
    {
        var (afterDate, afterId) = after is null ? ((DateOnly?)null, (string?)null) : (after.Date, after.Id);
        return db.Database.SqlQuery<CalendarRow>($"""
            SELECT c.* FROM (
                SELECT e.id, e.air_date AS date, m.tmdb_type AS type, m.id AS media_item_id, w.id AS watchlist_entry_id,
                       m.title, m.poster_path, e.season_number, e.number, e.name AS episode_name
                FROM watchlist_entries w
                JOIN media_items m ON m.id = w.media_item_id
                JOIN episodes e ON e.media_item_id = m.id
                WHERE w.user_id = {userId} AND e.air_date BETWEEN {from} AND {to}
                UNION ALL
                SELECT m.id, m.release_date, m.tmdb_type, m.id, w.id, m.title, m.poster_path, NULL, NULL, NULL
                FROM watchlist_entries w
                JOIN media_items m ON m.id = w.media_item_id
                WHERE w.user_id = {userId} AND m.tmdb_type = 'movie' AND m.release_date BETWEEN {from} AND {to}
            ) AS c
            WHERE {afterDate}::date IS NULL OR (c.date, c.id) > ({afterDate}::date, {afterId}::text)
            ORDER BY c.date, c.id
            LIMIT {limit}
            """).ToListAsync(cancellationToken);
    }

    private CalendarItem ToItem(CalendarRow row) => new(
        row.Id, row.Date, SnakeCaseEnum<MediaType>.FromName(row.Type), row.MediaItemId, row.WatchlistEntryId, row.Title,
        images.Poster(row.PosterPath),
        row.SeasonNumber is { } season ? new CalendarEpisode(season, row.Number ?? 0, row.EpisodeName) : null);

    private static DateOnly? ParseDate(string field, string? value, Validation validation)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        validation.Add(field, "must be an ISO-8601 date, such as 2026-01-31.");
        return null;
    }

    private sealed record CalendarPosition(DateOnly Date, string Id);

    private sealed record CalendarRow(
        string Id, DateOnly Date, string Type, string MediaItemId, string WatchlistEntryId, string Title, string? PosterPath,
        int? SeasonNumber, int? Number, string? EpisodeName);
}
