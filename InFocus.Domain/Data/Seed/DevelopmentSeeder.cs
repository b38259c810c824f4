using System.Net;
using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Availability;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.Domain.Watchlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InFocus.Domain.Data.Seed;

/// <summary>
/// Writes <see cref="DemoData"/> into a development database. Idempotent: rows are identified by fixed ids and only
/// missing ones are inserted, so a second run changes nothing. Refuses any database that is not on this machine
/// unless explicitly allowed, so it cannot run against production by accident.
/// </summary>
public sealed class DevelopmentSeeder(
    InFocusDbContext db,
    IOptions<DatabaseOptions> databaseOptions,
    PasswordHasher passwords,
    TimeProvider clock)
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    private string _demoPasswordHash = "";

    /// <summary>Seeds the missing demo rows and returns how many rows were inserted.</summary>
    public async Task<int> SeedAsync(bool allowNonLocalDatabase, CancellationToken cancellationToken)
    {
        EnsureDevelopmentDatabase(databaseOptions.Value, allowNonLocalDatabase);
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException("The database has pending migrations; migrate it before seeding.");
        }

        // The demo accounts share one password: one bcrypt run per seeding.
        _demoPasswordHash = await passwords.HashAsync(DemoData.Password, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AddMissingAsync(db.Users, DemoData.Users, u => u.Id, ToUser, cancellationToken);
        await AddMissingAsync(db.Profiles, DemoData.Users, ProfileId, ToProfile, cancellationToken);
        await AddMissingAsync(db.Subscriptions, Subscriptions(), s => s.Id, s => s, cancellationToken);
        await AddMissingAsync(db.MediaItems, DemoData.Titles, t => t.Id, ToMediaItem, cancellationToken);
        await AddMissingProvidersAsync(cancellationToken);
        await AddMissingAsync(db.WatchlistEntries, DemoData.Watchlist, e => e.Id, ToWatchlistEntry, cancellationToken);
        await AddMissingAsync(db.Families, [DemoData.Family], f => f.Id, ToFamily, cancellationToken);
        await AddMissingAsync(db.FamilyMemberships, DemoData.Family.Members, m => m.Id, ToMembership, cancellationToken);
        await AddMissingAsync(db.FamilyInvitations, [DemoData.Invitation], i => i.Id, ToInvitation, cancellationToken);
        await AddMissingAsync(db.Recommendations, DemoData.Recommendations, r => r.Id, ToRecommendation, cancellationToken);
        await AddMissingAsync(db.Sessions, DemoData.Sessions, s => s.Id, ToSession, cancellationToken);
        await AddMissingAsync(db.RefreshTokens, DemoData.Sessions, s => s.RefreshTokenId, ToRefreshToken, cancellationToken);
        var inserted = await db.SaveChangesAsync(cancellationToken);
        inserted += await AddMissingProgressAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// Breaking Bad's seasons and episodes and the demo viewings, with fixed ids (inserted once, whatever ran since),
    /// then the watchlist entries' progress fields. Four statements.
    /// </summary>
    private async Task<int> AddMissingProgressAsync(CancellationToken cancellationToken)
    {
        var seasons = JsonSerializer.Serialize(DemoData.Seasons.Select(s => new { s.MediaItemId, s.Number, s.FirstAirDate, s.EpisodeCount }), SeedJson);
        var progress = JsonSerializer.Serialize(
            DemoData.Progress.Select((p, i) => new { Index = i + 1, p.UserId, p.MediaItemId, p.UpToSeason, p.UpToEpisode, p.FirstWatchedAt }), SeedJson);
        var inserted = await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO seasons (id, media_item_id, number, name, air_date, episode_count)
            SELECT 'cseedseason' || lpad(s.number::text, 14, '0'), s.media_item_id, s.number, 'Season ' || s.number, s.first_air_date, s.episode_count
            FROM jsonb_to_recordset({{seasons}}::jsonb) AS s(media_item_id text, number int, first_air_date date, episode_count int)
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        inserted += await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO episodes (id, media_item_id, season_id, season_number, number, name, air_date)
            SELECT 'cseedepisode' || lpad((s.number * 1000 + e)::text, 13, '0'), s.media_item_id,
                   'cseedseason' || lpad(s.number::text, 14, '0'), s.number, e, 'Episode ' || e, s.first_air_date + 7 * (e - 1)
            FROM jsonb_to_recordset({{seasons}}::jsonb) AS s(media_item_id text, number int, first_air_date date, episode_count int),
                 generate_series(1, s.episode_count) AS e
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        inserted += await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO viewings (id, user_id, media_item_id, episode_id, watched_at)
            SELECT 'cseedviewing' || lpad((p.index * 1000000 + coalesce(e.season_number * 1000 + e.number, 0))::text, 13, '0'),
                   p.user_id, p.media_item_id, e.id,
                   p.first_watched_at + (row_number() OVER (PARTITION BY p.index ORDER BY e.season_number, e.number) - 1) * interval '1 day'
            FROM jsonb_to_recordset({{progress}}::jsonb)
                 AS p(index int, user_id text, media_item_id text, up_to_season int, up_to_episode int, first_watched_at timestamptz)
            LEFT JOIN episodes e ON p.up_to_season IS NOT NULL AND e.media_item_id = p.media_item_id AND e.season_number > 0
                 AND (e.season_number < p.up_to_season OR (e.season_number = p.up_to_season AND e.number <= p.up_to_episode))
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE watchlist_entries AS w
            SET last_watched_at = (SELECT max(v.watched_at) FROM viewings v WHERE v.user_id = w.user_id AND v.media_item_id = w.media_item_id)
            WHERE w.id LIKE 'cseedwatch%' AND w.last_watched_at IS NULL
              AND EXISTS (SELECT 1 FROM viewings v WHERE v.user_id = w.user_id AND v.media_item_id = w.media_item_id)
            """, cancellationToken);
        return inserted;
    }

    private static readonly JsonSerializerOptions SeedJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Throws unless the database is on this machine (loopback or a Unix socket) and uses password sign-in.</summary>
    public static void EnsureDevelopmentDatabase(DatabaseOptions options, bool allowNonLocalDatabase)
    {
        if (allowNonLocalDatabase)
        {
            return;
        }

        var host = new NpgsqlConnectionStringBuilder(options.ConnectionString).Host ?? "";
        var local = !options.UseEntraAuthentication && host.Split(',').All(IsLocalHost);
        if (!local)
        {
            throw new InvalidOperationException(
                "Refusing to seed demo data into a database that is not on this machine. Seeding is for development databases only.");
        }
    }

    private static bool IsLocalHost(string host) =>
        host.StartsWith('/')
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Adds the rows whose ids are not in the table yet; rows are only built (passwords hashed) when missing.</summary>
    private static async Task AddMissingAsync<TSource, T>(
        DbSet<T> set,
        IEnumerable<TSource> sources,
        Func<TSource, string> id,
        Func<TSource, T> create,
        CancellationToken cancellationToken)
        where T : Entity
    {
        var candidates = sources.ToList();
        var ids = candidates.Select(id).ToList();
        var existing = await set.Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        set.AddRange(candidates.Where(c => !existing.Contains(id(c))).Select(create));
    }

    private User ToUser(DemoUser user) => new()
    {
        Id = user.Id,
        Email = EmailAddress.Normalize(user.Email),
        Name = user.Name,
        PasswordHash = _demoPasswordHash,
        Region = user.Region,
    };

    private static List<Subscription> Subscriptions() =>
    [
        .. DemoData.Users.SelectMany(user => user.Services.Select(provider => new Subscription
        {
            Id = $"cseedsubscr{user.Id[^8..]}{provider:D6}",
            UserId = user.Id,
            TmdbProviderId = provider,
        })),
    ];

    private static string ProfileId(DemoUser user) => "cseedprofile" + user.Id[^13..];

    private static Profile ToProfile(DemoUser user) => new()
    {
        Id = ProfileId(user),
        UserId = user.Id,
        Bio = user.Bio,
        Preferences = user.Preferences,
    };

    /// <summary>
    /// Adds the demo titles' missing provider offers. An offer is one per title, provider and offer type (a unique
    /// key), so one stored under another id (by the refresh job, or by an older seed whose offers differed) counts
    /// as present and is left as it is.
    /// </summary>
    private async Task AddMissingProvidersAsync(CancellationToken cancellationToken)
    {
        var titleIds = DemoData.Titles.Select(t => t.Id).ToList();
        var existing = await db.StreamingProviders
            .Where(p => titleIds.Contains(p.MediaItemId))
            .Select(p => new { p.Id, p.MediaItemId, p.TmdbProviderId, p.OfferType })
            .ToListAsync(cancellationToken);
        var ids = existing.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var offers = existing.Select(p => (p.MediaItemId, p.TmdbProviderId, p.OfferType)).ToHashSet();
        db.StreamingProviders.AddRange(DemoData.Titles
            .SelectMany(ProviderRows)
            .Where(row => !ids.Contains(row.Id) && !offers.Contains((row.Title.Id, row.Provider.TmdbProviderId, row.Provider.OfferType)))
            .Select(ToProvider));
    }

    private MediaItem ToMediaItem(DemoTitle title) => new()
    {
        Id = title.Id,
        TmdbId = title.TmdbId,
        TmdbType = title.Type,
        Title = title.Title,
        Description = title.Description,
        PosterPath = title.PosterPath,
        BackdropPath = title.BackdropPath,
        ReleaseDate = title.ReleaseDate,
        Rating = title.Rating,
        Genres = [.. title.Genres],
        Creators = [.. title.Creators],
        ProvidersRefreshedAt = clock.GetUtcNow(),
    };

    private static IEnumerable<(string Id, DemoTitle Title, DemoProvider Provider)> ProviderRows(DemoTitle title) =>
        title.Providers.Select((provider, index) => ($"cseedprovider{title.Id[^6..]}{index:D6}", title, provider));

    private static StreamingProvider ToProvider((string Id, DemoTitle Title, DemoProvider Provider) row) => new()
    {
        Id = row.Id,
        MediaItemId = row.Title.Id,
        TmdbProviderId = row.Provider.TmdbProviderId,
        Provider = row.Provider.Name,
        OfferType = row.Provider.OfferType,
        LogoPath = row.Provider.LogoPath,
        Url = row.Title.WatchUrl,
        Regions = [.. row.Provider.Regions],
    };

    private static WatchlistEntry ToWatchlistEntry(DemoWatchlistEntry entry) => new()
    {
        Id = entry.Id,
        UserId = entry.UserId,
        MediaItemId = entry.MediaItemId,
        Status = entry.Status,
        Rating = entry.Rating,
        Notes = entry.Notes,
    };

    private static Family ToFamily(DemoFamily family) => new() { Id = family.Id, Name = family.Name, CreatedById = family.CreatedById };

    private static FamilyMembership ToMembership(DemoMember member) => new()
    {
        Id = member.Id,
        FamilyId = DemoData.Family.Id,
        UserId = member.UserId,
        Role = member.Role,
    };

    /// <summary>
    /// The raw token is thrown away and no email is marked enqueued: the email outbox sweep issues a fresh token
    /// and sends the email, so the demo invitation arrives in the local mail sink with a working link.
    /// </summary>
    private FamilyInvitation ToInvitation(DemoInvitation invitation) => new()
    {
        Id = invitation.Id,
        FamilyId = DemoData.Family.Id,
        Email = EmailAddress.Normalize(invitation.Email),
        TokenHash = SecureToken.Hash(SecureToken.Generate()),
        InvitedById = invitation.InvitedById,
        ExpiresAt = clock.GetUtcNow() + InvitationLifetime,
    };

    private Recommendation ToRecommendation(DemoRecommendation recommendation) => new()
    {
        Id = recommendation.Id,
        MediaItemId = recommendation.MediaItemId,
        RecommendedById = recommendation.FromUserId,
        RecommendedToId = recommendation.ToUserId,
        Message = recommendation.Message,
        Status = recommendation.Status,
        RespondedAt = recommendation.Status == RecommendationStatus.Pending ? null : clock.GetUtcNow(),
    };

    private Session ToSession(DemoSession session) => new()
    {
        Id = session.Id,
        UserId = session.UserId,
        UserAgent = session.UserAgent,
        ClientAddress = "127.0.0.1",
        LastUsedAt = clock.GetUtcNow(),
        ExpiresAt = clock.GetUtcNow() + SessionLifetime,
    };

    private RefreshToken ToRefreshToken(DemoSession session) => new()
    {
        Id = session.RefreshTokenId,
        UserId = session.UserId,
        SessionId = session.Id,
        TokenHash = SecureToken.Hash(SecureToken.Generate()),
        ExpiresAt = clock.GetUtcNow() + SessionLifetime,
    };
}
