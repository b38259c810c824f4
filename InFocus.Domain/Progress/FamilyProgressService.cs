using System.Globalization;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Progress;

/// <summary>
/// Body of <c>POST /api/families/{id}/viewings</c> ("watched together"): the title, for a show a season and optionally
/// some of its episodes (by number; the whole season's aired episodes without them), an optional <c>watchedAt</c>, and
/// the members who watched (each a member of the family).
/// </summary>
public sealed record FamilyViewingsRequest(
    string? MediaItemId,
    int? Season,
    IReadOnlyList<int>? Episodes,
    DateTimeOffset? WatchedAt,
    IReadOnlyList<string>? MemberIds);

/// <summary>
/// <c>GET /api/families/{id}/progress/{mediaItemId}</c>: every member's progress through the title and the family's
/// common next episode, the earliest next episode among the members who are watching it.
/// </summary>
public sealed record FamilyProgressResponse(
    string FamilyId,
    string MediaItemId,
    string Title,
    MediaType Type,
    int Aired,
    NextEpisodeResponse? CommonNextEpisode,
    IReadOnlyList<MemberProgressResponse> Members);

/// <summary>A member's progress: <c>status</c> null when the title is not on their watchlist.</summary>
public sealed record MemberProgressResponse(
    string UserId,
    string Name,
    WatchStatus? Status,
    int Completed,
    DateTimeOffset? LastWatchedAt,
    NextEpisodeResponse? NextEpisode);

/// <summary>
/// A family's shared viewing: logging one evening for several members at once, and where each of them is in a title.
/// Only members see or log anything (another user: 404). Fixed statement counts whatever the number of episodes.
/// </summary>
public sealed class FamilyProgressService(InFocusDbContext db, TimeProvider clock)
{
    /// <summary>The most members one request may name.</summary>
    public const int MaxMembers = 50;

    /// <summary>
    /// Records the viewing for every named member (adding the title to the watchlist of members who lack it), then
    /// answers with the family's progress. The selection is checked as for one user's marks.
    /// </summary>
    public async Task<FamilyProgressResponse> RecordAsync(
        CurrentUser user, string? familyId, FamilyViewingsRequest request, CancellationToken cancellationToken)
    {
        await FamilyAccess.RoleAsync(db, user.UserId, familyId ?? "", cancellationToken);
        var validation = new Validation();
        validation.Id("mediaItemId", request.MediaItemId);
        if (request.MemberIds is not { Count: > 0 and <= MaxMembers })
        {
            validation.Add("memberIds", $"must name 1 to {MaxMembers} members of the family.");
        }

        if (request.Episodes is not null && request.Season is null)
        {
            validation.Add("season", "is required with episodes.");
        }

        validation.ThrowIfInvalid();
        var memberIds = request.MemberIds!.Distinct(StringComparer.Ordinal).ToList();
        var members = await db.FamilyMemberships.AsNoTracking()
            .Where(m => m.FamilyId == familyId && memberIds.Contains(m.UserId))
            .Select(m => m.UserId)
            .ToListAsync(cancellationToken);
        for (var i = 0; i < request.MemberIds!.Count; i++)
        {
            if (!members.Contains(request.MemberIds[i]))
            {
                validation.Add(string.Create(CultureInfo.InvariantCulture, $"memberIds[{i}]"), "is not a member of this family.");
            }
        }

        validation.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var watchedAt = ProgressService.ValidateWatchedAt(request.WatchedAt, now);

        var title = await TitleAsync(request.MediaItemId!, cancellationToken);
        var today = Today;
        IReadOnlyList<string?> episodeIds;
        if (title.Type == MediaType.Movie)
        {
            episodeIds = request.Season is null ? [null] : throw ValidationException.For("season", "a movie has no seasons.");
        }
        else
        {
            var selection = request.Season is null
                ? throw ValidationException.For("season", "is required for a show.")
                : request.Episodes is { } numbers
                    ? new RecordViewingsRequest(null, null, numbers.Select(n => new EpisodeNumber(request.Season, n)).ToList(), null, null)
                    : new RecordViewingsRequest(request.Season, null, null, null, null);
            var episodes = await db.Episodes.AsNoTracking()
                .Where(e => e.MediaItemId == title.Id)
                .Select(e => new EpisodeKey(e.Id, e.SeasonNumber, e.Number, e.AirDate))
                .ToListAsync(cancellationToken);
            episodeIds = EpisodeSelection.Select(selection, episodes, today);
        }

        await ViewingWriter.RecordAsync(
            db, members, title.Id, episodeIds, watchedAt ?? now, dated: watchedAt is not null, today,
            cancellationToken, addToWatchlists: true);
        return await ProgressOfAsync(familyId!, title, cancellationToken);
    }

    /// <summary>Three statements: the caller's membership, the title, every member's progress.</summary>
    public async Task<FamilyProgressResponse> GetAsync(CurrentUser user, string? familyId, string? mediaItemId, CancellationToken cancellationToken)
    {
        await FamilyAccess.RoleAsync(db, user.UserId, familyId ?? "", cancellationToken);
        var title = await TitleAsync(mediaItemId, cancellationToken);
        return await ProgressOfAsync(familyId!, title, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<TitleRow> TitleAsync(string? mediaItemId, CancellationToken cancellationToken) =>
        Cuid.IsValid(mediaItemId)
            ? await db.MediaItems.AsNoTracking().Where(m => m.Id == mediaItemId)
                  .Select(m => new TitleRow(m.Id, m.Title, m.TmdbType)).SingleOrDefaultAsync(cancellationToken)
              ?? throw new NotFoundException("The title")
            : throw new NotFoundException("The title");

    private async Task<FamilyProgressResponse> ProgressOfAsync(string familyId, TitleRow title, CancellationToken cancellationToken)
    {
        var today = Today;
        var rows = await db.Database.SqlQuery<MemberRow>($"""
            SELECT u.id AS user_id, u.name, w.status, w.last_watched_at,
                   n.season_number, n.number, n.name AS episode_name, n.air_date,
                   CASE WHEN m.tmdb_type = 'movie'
                        THEN (EXISTS (SELECT 1 FROM viewings v WHERE v.user_id = u.id AND v.media_item_id = m.id AND v.episode_id IS NULL))::int
                        ELSE (SELECT count(DISTINCT v.episode_id)::int FROM viewings v
                              JOIN episodes e ON e.id = v.episode_id
                              WHERE v.user_id = u.id AND v.media_item_id = m.id AND e.season_number > 0 AND e.air_date <= {today})
                   END AS completed,
                   CASE WHEN m.tmdb_type = 'movie' THEN 1
                        ELSE (SELECT count(*)::int FROM episodes e
                              WHERE e.media_item_id = m.id AND e.season_number > 0 AND e.air_date <= {today})
                   END AS aired
            FROM family_memberships fm
            JOIN users u ON u.id = fm.user_id
            JOIN media_items m ON m.id = {title.Id}
            LEFT JOIN watchlist_entries w ON w.user_id = u.id AND w.media_item_id = m.id
            LEFT JOIN LATERAL (
                SELECT e.season_number, e.number, e.name, e.air_date FROM episodes e
                WHERE e.media_item_id = m.id AND e.season_number > 0 AND e.air_date <= {today}
                  AND NOT EXISTS (SELECT 1 FROM viewings v WHERE v.user_id = u.id AND v.episode_id = e.id)
                ORDER BY e.season_number, e.number
                LIMIT 1) AS n ON w.id IS NOT NULL
            WHERE fm.family_id = {familyId}
            ORDER BY u.name, u.id
            """).ToListAsync(cancellationToken);

        var members = rows.Select(r => new MemberProgressResponse(
            r.UserId, r.Name, r.Status is null ? null : SnakeCaseEnum<WatchStatus>.FromName(r.Status), r.Completed, r.LastWatchedAt,
            r.SeasonNumber is { } season ? new NextEpisodeResponse(season, r.Number ?? 0, r.EpisodeName, r.AirDate) : null)).ToList();
        var common = members
            .Where(m => m.Status == WatchStatus.Watching && m.NextEpisode is not null)
            .Select(m => m.NextEpisode!)
            .OrderBy(e => e.Season).ThenBy(e => e.Number)
            .FirstOrDefault();
        return new FamilyProgressResponse(familyId, title.Id, title.Title, title.Type, rows.FirstOrDefault()?.Aired ?? 0, common, members);
    }

    private sealed record TitleRow(string Id, string Title, MediaType Type);

    private sealed record MemberRow(
        string UserId, string Name, string? Status, DateTimeOffset? LastWatchedAt, int? SeasonNumber, int? Number,
        string? EpisodeName, DateOnly? AirDate, int Completed, int Aired);
}
