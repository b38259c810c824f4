using System.Globalization;
using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Availability;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using InFocus.Domain.Media;
using InFocus.Domain.Progress;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace InFocus.Domain.Tonight;

/// <summary>
/// <c>GET /api/families/{id}/tonight</c>: what the members present can watch together tonight. A title qualifies when
/// at least one of them wants it (on their watchlist and not completed by them) and it is offered in the family's region,
/// with one of the requested offer types, by a provider at least one of them has. Ranked by how many present members
/// want it, then how many of them accepted a recommendation of it, then for how many of them the show is in progress
/// (watched before, not completed, an aired episode to watch next: up next's rule), then runtime fit (with
/// <c>maxRuntime</c>, a known runtime first), then TMDB popularity. Two statements whatever the size of the family's
/// lists: the family and its members, then one set-based query that ranks and explains.
/// </summary>
public sealed class TonightService(InFocusDbContext db, MediaImages images, TimeProvider clock)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    /// <summary>Most members one request may name (a family rarely has more; the list is a query value).</summary>
    public const int MaxMembers = 50;

    private static readonly JsonSerializerOptions OfferJson = new(JsonSerializerDefaults.Web);

    public async Task<TonightResponse> GetAsync(CurrentUser user, string familyId, TonightQuery query, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var named = ParseMembers("members", query.Members, validation);
        var type = SnakeCaseEnum<MediaType>.ParseOptional("type", query.Type, validation);
        var maxRuntime = ParseInt("maxRuntime", query.MaxRuntime, 1, TmdbMaxRuntime, validation);
        var limit = ParseInt("limit", query.Limit, 1, MaxLimit, validation) ?? DefaultLimit;
        var offers = OfferFilter.Parse(query.Offer, validation);
        validation.ThrowIfInvalid();

        var family = await FamilyAsync(user, familyId, cancellationToken);
        var present = Present(family.Members, named, "members");
        var region = family.Region
            ?? throw new ConflictException("The family has no region yet: an admin sets one with PATCH /api/families/{id}, or its creator sets theirs with PUT /api/me/services.");

        var rows = await db.Database.SqlQueryRaw<SuggestionRow>(
                RankingSql,
                Array("members", present.Select(m => m.UserId).ToArray(), NpgsqlDbType.Text),
                Array("offers", offers.Select(SnakeCaseEnum<StreamingOfferType>.ToName).ToArray(), NpgsqlDbType.Text),
                new NpgsqlParameter("region", NpgsqlDbType.Text) { Value = region },
                new NpgsqlParameter("type", NpgsqlDbType.Text) { Value = type is { } t ? SnakeCaseEnum<MediaType>.ToName(t) : DBNull.Value },
                new NpgsqlParameter("max_runtime", NpgsqlDbType.Integer) { Value = maxRuntime is { } m ? m : DBNull.Value },
                new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit },
                new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) })
            .ToListAsync(cancellationToken);

        return new TonightResponse(region, present, rows.Select(r => r.ToSuggestion(images, present)).ToList());
    }

    /// <summary>The family's region (its own or its creator's) and members, oldest first; 404 unless the caller is a member.</summary>
    internal async Task<FamilyContext> FamilyAsync(CurrentUser user, string familyId, CancellationToken cancellationToken)
    {
        if (!Cuid.IsValid(familyId))
        {
            throw new NotFoundException(FamilyAccess.Resource);
        }

        var family = await db.Families
            .Where(f => f.Id == familyId && f.Memberships.Any(m => m.UserId == user.UserId))
            .Select(f => new
            {
                Region = f.Region ?? f.CreatedBy!.Region,
                Members = f.Memberships.OrderBy(m => m.JoinedAt).ThenBy(m => m.Id).Select(m => new TonightMember(m.UserId, m.User!.Name)).ToList(),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(FamilyAccess.Resource);
        return new FamilyContext(family.Region, family.Members);
    }

    /// <summary>The members named (all when none is), each checked to belong to the family.</summary>
    internal static IReadOnlyList<TonightMember> Present(IReadOnlyList<TonightMember> members, IReadOnlyCollection<string>? named, string field)
    {
        if (named is null || named.Count == 0)
        {
            return members;
        }

        var strangers = named.Where(id => members.All(m => m.UserId != id)).ToList();
        if (strangers.Count > 0)
        {
            throw ValidationException.For(field, $"must be members of the family; not: {string.Join(", ", strangers)}.");
        }

        return members.Where(m => named.Contains(m.UserId)).ToList();
    }

    private const int TmdbMaxRuntime = 24 * 60;

    private static List<string>? ParseMembers(string field, string? value, Validation validation)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var ids = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > MaxMembers || ids.Any(id => !Cuid.IsValid(id)))
        {
            validation.Add(field, $"must be a comma-separated list of at most {MaxMembers} user ids.");
        }

        return ids;
    }

    private static int? ParseInt(string field, string? value, int min, int max, Validation validation)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            validation.Add(field, $"must be an integer between {min} and {max}.");
            return null;
        }

        return number;
    }

    private static NpgsqlParameter Array(string name, string[] values, NpgsqlDbType type) =>
        new(name, NpgsqlDbType.Array | type) { Value = values };

    /// <summary>
    /// Wanted titles of the present members, their offers through the present members' services, the accepted
    /// recommendations, the shows in progress for them with each one's next episode (the first aired regular episode
    /// they have not watched, through the show's (season, number) index), ranked. Each CTE is one aggregate pass over
    /// the offered titles; nothing runs per title outside it. <c>recs</c> and <c>progress</c> are MATERIALIZED: inlined,
    /// a planner that underestimates the offers (statistics not yet analyzed after a bulk import) re-ran their grouping
    /// once per offered title, 9 s instead of 0.26 s for 8 members with 5,000 titles each.
    /// </summary>
    private const string RankingSql = """
        WITH present AS (
            SELECT unnest(@members) AS user_id
        ),
        wanted AS (
            SELECT w.media_item_id, array_agg(w.user_id ORDER BY w.user_id) AS wanted_by
            FROM watchlist_entries AS w JOIN present AS p ON p.user_id = w.user_id
            WHERE w.status <> 'completed'
            GROUP BY w.media_item_id
        ),
        services AS (
            SELECT s.tmdb_provider_id, array_agg(s.user_id ORDER BY s.user_id) AS through
            FROM subscriptions AS s JOIN present AS p ON p.user_id = s.user_id
            GROUP BY s.tmdb_provider_id
        ),
        offers AS (
            SELECT sp.media_item_id,
                   jsonb_agg(jsonb_build_object('providerId', sp.tmdb_provider_id, 'provider', sp.provider,
                                                'offerType', sp.offer_type, 'logoPath', sp.logo_path, 'through', sv.through)
                             ORDER BY sp.provider, sp.tmdb_provider_id, sp.offer_type) AS available_on
            FROM wanted AS wt
            JOIN streaming_providers AS sp ON sp.media_item_id = wt.media_item_id
            JOIN services AS sv ON sv.tmdb_provider_id = sp.tmdb_provider_id
            WHERE @region = ANY (sp.regions) AND sp.offer_type = ANY (@offers)
            GROUP BY sp.media_item_id
        ),
        recs AS MATERIALIZED (
            SELECT r.media_item_id, count(*)::int AS accepted
            FROM recommendations AS r JOIN present AS p ON p.user_id = r.recommended_to_id
            WHERE r.status = 'accepted' AND r.media_item_id IN (SELECT media_item_id FROM offers)
            GROUP BY r.media_item_id
        ),
        started AS MATERIALIZED (
            SELECT w.user_id, w.media_item_id
            FROM watchlist_entries AS w
            WHERE w.user_id = ANY (@members) AND w.last_watched_at IS NOT NULL AND w.status <> 'completed'
        ),
        progress AS MATERIALIZED (
            SELECT st.media_item_id,
                   jsonb_agg(jsonb_build_object('userId', st.user_id, 'season', n.season_number, 'number', n.number,
                                                'name', n.name, 'airDate', n.air_date)
                             ORDER BY st.user_id) AS in_progress_for
            FROM started AS st
            JOIN media_items AS m ON m.id = st.media_item_id AND m.tmdb_type = 'tv'
            CROSS JOIN LATERAL (
                SELECT e.season_number, e.number, e.name, e.air_date FROM episodes AS e
                WHERE e.media_item_id = st.media_item_id AND e.season_number > 0 AND e.air_date <= @today
                  AND NOT EXISTS (SELECT 1 FROM viewings AS v WHERE v.user_id = st.user_id AND v.episode_id = e.id)
                ORDER BY e.season_number, e.number
                LIMIT 1) AS n
            WHERE st.media_item_id IN (SELECT media_item_id FROM offers)
            GROUP BY st.media_item_id
        )
        SELECT m.id, m.tmdb_id, m.tmdb_type AS type, m.title, m.poster_path, m.release_date, m.genres, m.runtime,
               m.popularity, wt.wanted_by, COALESCE(rc.accepted, 0) AS accepted, pr.in_progress_for::text AS in_progress_for,
               o.available_on::text AS available_on
        FROM offers AS o
        JOIN wanted AS wt ON wt.media_item_id = o.media_item_id
        JOIN media_items AS m ON m.id = o.media_item_id
        LEFT JOIN recs AS rc ON rc.media_item_id = o.media_item_id
        LEFT JOIN progress AS pr ON pr.media_item_id = o.media_item_id
        WHERE (@type::text IS NULL OR m.tmdb_type = @type)
          AND (@max_runtime::int IS NULL OR m.runtime IS NULL OR m.runtime <= @max_runtime)
        ORDER BY cardinality(wt.wanted_by) DESC,
                 COALESCE(rc.accepted, 0) DESC,
                 COALESCE(jsonb_array_length(pr.in_progress_for), 0) DESC,
                 (@max_runtime::int IS NOT NULL AND m.runtime IS NULL),
                 m.popularity DESC NULLS LAST,
                 m.id
        LIMIT @limit
        """;

    internal sealed record FamilyContext(string? Region, IReadOnlyList<TonightMember> Members);

    private sealed record SuggestionRow(
        string Id,
        int TmdbId,
        string Type,
        string Title,
        string? PosterPath,
        DateOnly? ReleaseDate,
        List<string> Genres,
        int? Runtime,
        decimal? Popularity,
        List<string> WantedBy,
        int Accepted,
        string? InProgressFor,
        string AvailableOn)
    {
        /// <summary>The suggestion, its people named and in the family's order (oldest member first).</summary>
        public TonightSuggestion ToSuggestion(MediaImages images, IReadOnlyList<TonightMember> present)
        {
            var offers = JsonSerializer.Deserialize<List<OfferRow>>(AvailableOn, OfferJson) ?? [];
            var progress = InProgressFor is null ? [] : JsonSerializer.Deserialize<List<ProgressRow>>(InProgressFor, OfferJson) ?? [];
            var type = SnakeCaseEnum<MediaType>.FromName(Type);
            return new TonightSuggestion(
                new MediaSummary(Id, TmdbId, type, Title, images.Poster(PosterPath), ReleaseDate, Genres),
                Runtime,
                Popularity,
                InOrder(present, WantedBy),
                Accepted,
                present.Select(m => (Member: m, Progress: progress.Find(p => p.UserId == m.UserId)))
                    .Where(x => x.Progress is not null)
                    .Select(x => new TonightProgress(x.Member.UserId, x.Member.Name,
                        new NextEpisodeResponse(x.Progress!.Season, x.Progress.Number, x.Progress.Name, x.Progress.AirDate)))
                    .ToList(),
                offers.Select(o => new TonightOffer(
                    o.ProviderId, o.Provider, SnakeCaseEnum<StreamingOfferType>.FromName(o.OfferType), images.Logo(o.LogoPath),
                    InOrder(present, o.Through))).ToList());
        }

        private static List<TonightMember> InOrder(IReadOnlyList<TonightMember> present, List<string> ids) =>
            present.Where(m => ids.Contains(m.UserId, StringComparer.Ordinal)).ToList();
    }

    private sealed record ProgressRow(string UserId, int Season, int Number, string? Name, DateOnly? AirDate);

    private sealed record OfferRow(int ProviderId, string Provider, string OfferType, string? LogoPath, List<string> Through);
}
