using System.Text.Json;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Progress;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Imports;

/// <summary>
/// The one place an import row changes the user's data. A batch is one transaction of a fixed number of statements:
/// the entries of its titles are read and locked, the rows are folded into them in file order, and the changed entries,
/// their information dates, the rows' outcomes and the import's counts are written. A batch is applied entirely or
/// not at all, so a run that dies leaves its rows pending and the next run applies them once.
/// <para>
/// The rules (docs/api.md, "Imports"): a title not on the watchlist is added (watchlist and list rows as
/// <c>not_watched</c>, watched, diary, history, rating and review rows as <c>completed</c>, TV episodes make their show
/// <c>watching</c>); an entry's status only moves forward (not watched, watching, completed), never back; a rating or
/// note fills an empty field, and replaces one only with newer information than the entry's (see
/// <see cref="ImportEntryDate"/>); a row that changes nothing is <c>unchanged</c>, so importing a file twice changes
/// nothing the second time. A dated watched row of a movie (watched, diary with its rewatches, history) is also a
/// viewing at its date, once; so is a dated watched or rated row of a TV episode (Trakt history, IMDb ratings) whose
/// episode is among the show's stored episodes, and then the show's status follows its viewings as
/// <see cref="ViewingWriter"/> has it for viewings marked by hand (watching, or completed once every aired episode is
/// watched): the rows' statuses no longer move it, in this import or a later one.
/// </para>
/// </summary>
public sealed class ImportApplier(InFocusDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Applies the batch; false when the import is no longer running (cancelled), and then nothing is written.</summary>
    public async Task<bool> ApplyAsync(
        string importId, string userId, IReadOnlyList<ImportRow> rows, IReadOnlyDictionary<int, TitleMatch> matches,
        DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mediaIds = matches.Values.Select(m => m.MediaItemId).OfType<string>().Distinct().ToArray();
        var episodeViewings = rows
            .Where(r => r.Data.InfoDate is not null && r.Kind is ImportRowKind.Watched or ImportRowKind.Rating
                        && matches[r.Seq] is { MediaItemId: not null, Episode: not null })
            .ToList();
        var shows = episodeViewings.Select(r => matches[r.Seq].MediaItemId!).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (shows.Length > 0)
        {
            // The locks ViewingWriter takes for a user's viewings of a title, first (as it does): marks by hand wait.
            await db.Database.ExecuteSqlAsync($"""
                SELECT pg_advisory_xact_lock(hashtextextended('viewings/' || {userId} || '/' || t, 0))
                FROM unnest({shows}::text[]) WITH ORDINALITY AS l(t, n) ORDER BY n
                """, cancellationToken);
        }

        var existing = await db.Database.SqlQuery<EntryState>($"""
            SELECT e.id, e.media_item_id, e.status, e.rating, e.notes, e.date_updated, d.info_date, d.applied_at,
                   e.status_follows_progress AND EXISTS (
                       SELECT 1 FROM viewings AS v
                       WHERE v.user_id = e.user_id AND v.media_item_id = e.media_item_id AND v.episode_id IS NOT NULL) AS follows_viewings
            FROM watchlist_entries AS e
            LEFT JOIN import_entry_dates AS d ON d.user_id = e.user_id AND d.media_item_id = e.media_item_id
            WHERE e.user_id = {userId} AND e.media_item_id = ANY({mediaIds})
            FOR UPDATE OF e
            """).ToListAsync(cancellationToken);

        var showSet = shows.ToHashSet();
        var entries = existing.ToDictionary(e => e.MediaItemId, e => Entry.From(e, showSet.Contains(e.MediaItemId)));
        var outcomes = new List<RowOutcome>(rows.Count);
        foreach (var row in rows)
        {
            var match = matches[row.Seq];
            if (match.MediaItemId is not { } mediaItemId)
            {
                outcomes.Add(new RowOutcome(row.Seq, Name(ImportRowOutcome.Unmatched), Cut(match.Reason), null));
                continue;
            }

            if (!entries.TryGetValue(mediaItemId, out var entry))
            {
                entries[mediaItemId] = Entry.New(mediaItemId, row, followsViewings: showSet.Contains(mediaItemId));
                outcomes.Add(new RowOutcome(row.Seq, Name(ImportRowOutcome.Added), null, mediaItemId));
                continue;
            }

            var outcome = entry.Apply(row) ? ImportRowOutcome.Updated : ImportRowOutcome.Unchanged;
            outcomes.Add(new RowOutcome(row.Seq, Name(outcome), null, mediaItemId));
        }

        var changed = entries.Values.Where(e => e.Changed).Select(e => new EntryRow(
            e.Id, e.MediaItemId, SnakeCaseEnum<WatchStatus>.ToName(e.Status), e.Rating, e.Notes)).ToList();
        if (changed.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO watchlist_entries AS w (id, user_id, media_item_id, status, rating, notes)
                SELECT r.id, {userId}, r.media_item_id, r.status, r.rating, r.notes
                FROM jsonb_to_recordset({JsonSerializer.Serialize(changed, RowJson)}::jsonb)
                     AS r(id text, media_item_id text, status text, rating integer, notes text)
                ON CONFLICT (user_id, media_item_id) DO UPDATE
                SET status = excluded.status, rating = excluded.rating, notes = excluded.notes
                """, cancellationToken);
        }

        var dated = entries.Values.Where(e => e.InfoDate is not null && (e.Changed || e.InfoDateChanged))
            .Select(e => new DateRow(e.MediaItemId, e.InfoDate!.Value)).ToList();
        if (dated.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO import_entry_dates AS d (user_id, media_item_id, info_date, applied_at)
                SELECT {userId}, r.media_item_id, r.info_date, now()
                FROM jsonb_to_recordset({JsonSerializer.Serialize(dated, RowJson)}::jsonb) AS r(media_item_id text, info_date timestamptz)
                ON CONFLICT (user_id, media_item_id) DO UPDATE SET info_date = excluded.info_date, applied_at = now()
                """, cancellationToken);
        }

        var viewings = rows
            .Where(r => r.Kind == ImportRowKind.Watched && r.Data.InfoDate is not null && matches[r.Seq] is { MediaItemId: not null, Episode: null })
            .Concat(episodeViewings)
            .Select(r => new ViewingRow(Cuid.NewId(), matches[r.Seq].MediaItemId!, matches[r.Seq].Episode?.Season, matches[r.Seq].Episode?.Number, r.Data.InfoDate!.Value))
            .ToList();
        if (viewings.Count > 0)
        {
            // A dated watch of a movie is a viewing (history, rewatches), and so is one of an episode the show's stored
            // seasons have; the unique viewing per (user, title, episode, time) makes a re-import add none.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO viewings (id, user_id, media_item_id, episode_id, watched_at)
                SELECT r.id, {userId}, r.media_item_id, e.id, r.watched_at
                FROM jsonb_to_recordset({JsonSerializer.Serialize(viewings, RowJson)}::jsonb)
                     AS r(id text, media_item_id text, season integer, episode integer, watched_at timestamptz)
                JOIN media_items AS m ON m.id = r.media_item_id
                LEFT JOIN episodes AS e ON e.media_item_id = r.media_item_id AND e.season_number = r.season AND e.number = r.episode
                WHERE (m.tmdb_type = 'movie' AND r.season IS NULL) OR (m.tmdb_type = 'tv' AND e.id IS NOT NULL)
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }

        if (shows.Length > 0)
        {
            // The shows' statuses follow their viewings, as when marked by hand (a show none of whose episodes is stored keeps its own).
            await ViewingWriter.UpdateEntriesAsync(
                db, [userId], shows, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), onlyWatched: true, cancellationToken);
        }

        await db.Database.ExecuteSqlAsync($"""
            UPDATE import_rows AS r
            SET outcome = u.outcome, reason = u.reason, media_item_id = u.media_item_id, applied_at = now()
            FROM jsonb_to_recordset({JsonSerializer.Serialize(outcomes, RowJson)}::jsonb)
                 AS u(seq integer, outcome text, reason text, media_item_id text)
            WHERE r.import_id = {importId} AND r.seq = u.seq
            """, cancellationToken);

        var added = outcomes.Count(o => o.Outcome == Name(ImportRowOutcome.Added));
        var updated = outcomes.Count(o => o.Outcome == Name(ImportRowOutcome.Updated));
        var unchanged = outcomes.Count(o => o.Outcome == Name(ImportRowOutcome.Unchanged));
        var unmatched = outcomes.Count(o => o.Outcome == Name(ImportRowOutcome.Unmatched));
        var running = await db.Imports
            .Where(i => i.Id == importId && i.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Processed, i => i.Processed + rows.Count)
                .SetProperty(i => i.Added, i => i.Added + added)
                .SetProperty(i => i.Updated, i => i.Updated + updated)
                .SetProperty(i => i.Unchanged, i => i.Unchanged + unchanged)
                .SetProperty(i => i.Unmatched, i => i.Unmatched + unmatched)
                .SetProperty(i => i.LeaseUntil, leaseUntil)
                .SetProperty(i => i.Attempts, 0), cancellationToken);
        if (running == 0)
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string Name(ImportRowOutcome outcome) => SnakeCaseEnum<ImportRowOutcome>.ToName(outcome);

    private static string? Cut(string? reason) => reason is { Length: > FieldLimits.ErrorText } ? reason[..FieldLimits.ErrorText] : reason;

    private static int Rank(WatchStatus status) => status switch
    {
        WatchStatus.NotWatched => 0,
        WatchStatus.Watching => 1,
        _ => 2,
    };

    private sealed record EntryState(
        string Id, string MediaItemId, string Status, int? Rating, string? Notes, DateTimeOffset DateUpdated, DateTimeOffset? InfoDate,
        DateTimeOffset? AppliedAt, bool FollowsViewings);

    private sealed record EntryRow(string Id, string MediaItemId, string Status, int? Rating, string? Notes);

    private sealed record DateRow(string MediaItemId, DateTimeOffset InfoDate);

    private sealed record ViewingRow(string Id, string MediaItemId, int? Season, int? Episode, DateTimeOffset WatchedAt);

    private sealed record RowOutcome(int Seq, string Outcome, string? Reason, string? MediaItemId);

    /// <summary>An entry as the batch folds its rows into it.</summary>
    private sealed class Entry
    {
        public required string Id { get; init; }

        public required string MediaItemId { get; init; }

        public WatchStatus Status { get; private set; }

        public int? Rating { get; private set; }

        public string? Notes { get; private set; }

        /// <summary>How new the entry's information is: the user's last change, or the newest imported information.</summary>
        public DateTimeOffset? InfoDate { get; private set; }

        /// <summary>A show whose status follows its episodes' viewings: rows do not change its status.</summary>
        public bool FollowsViewings { get; private set; }

        public bool Changed { get; private set; }

        public bool InfoDateChanged { get; private set; }

        public static Entry From(EntryState state, bool viewingsInBatch) => new()
        {
            Id = state.Id,
            MediaItemId = state.MediaItemId,
            Status = SnakeCaseEnum<WatchStatus>.FromName(state.Status),
            Rating = state.Rating,
            Notes = state.Notes,
            // Changed by the user after the last import (or never imported): the change's time is its information's date.
            InfoDate = state.AppliedAt is { } applied && state.DateUpdated <= applied ? state.InfoDate : state.DateUpdated,
            FollowsViewings = state.FollowsViewings || viewingsInBatch,
        };

        public static Entry New(string mediaItemId, ImportRow row, bool followsViewings) => new()
        {
            FollowsViewings = followsViewings,
            Id = Cuid.NewId(),
            MediaItemId = mediaItemId,
            Status = row.Data.Status ?? WatchStatus.NotWatched,
            Rating = row.Data.Rating,
            Notes = row.Data.Notes,
            InfoDate = row.Data.InfoDate,
            Changed = true,
        };

        /// <summary>Folds a row in; true when it changed the entry.</summary>
        public bool Apply(ImportRow row)
        {
            var newer = row.Data.InfoDate is { } date && (InfoDate is null || date > InfoDate);
            var changed = false;
            if (row.Data.Status is { } status && Rank(status) > Rank(Status) && !FollowsViewings)
            {
                Status = status;
                changed = true;
            }

            if (row.Data.Rating is { } rating && rating != Rating && (Rating is null || newer))
            {
                Rating = rating;
                changed = true;
            }

            if (row.Data.Notes is { } notes && notes != Notes && (Notes is null || newer))
            {
                Notes = notes;
                changed = true;
            }

            if (newer)
            {
                InfoDate = row.Data.InfoDate;
                InfoDateChanged = true;
            }

            Changed |= changed;
            return changed;
        }
    }
}
