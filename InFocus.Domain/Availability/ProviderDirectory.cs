using System.Text.Json;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using InFocus.Domain.Media.Tmdb;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Availability;

/// <summary>
/// <c>GET /api/providers</c>: the streaming providers TMDB lists in a region, from a cache of TMDB's two provider
/// lists (<c>watch/providers/movie</c> and <c>/tv</c>, all regions in one request each). The cache is refreshed when
/// a reader finds it older than <see cref="TmdbOptions.ProviderMaxAgeHours"/> (a day by default): one reader at a
/// time refreshes (the others wait for it and then read its result), counted against a per-user and an app-wide
/// limit; when TMDB or the limits say no, readers keep the stale list, and only an empty cache is a 429 or 503.
/// </summary>
public sealed partial class ProviderDirectory(
    InFocusDbContext db,
    TmdbClient tmdb,
    RateLimiter limiter,
    MediaImages images,
    IOptions<TmdbOptions> options,
    TimeProvider clock,
    ILogger<ProviderDirectory> logger)
{
    /// <summary>Refreshes of the provider list one user may cause per hour.</summary>
    public const int RefreshesPerUserPerHour = 5;

    /// <summary>Refreshes of the provider list the whole app may make per hour.</summary>
    public const int RefreshesPerHour = 12;

    private const string CursorKind = "providers";
    private const string LimitMessage = "The streaming provider list is being refreshed too often; try again later.";
    private static readonly JsonSerializerOptions RowJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<Page<WatchProviderResponse>> ListAsync(CurrentUser user, ProvidersQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (string.IsNullOrEmpty(query.Region))
        {
            validation.Add("region", "is required: an ISO 3166-1 alpha-2 country code such as US or GB.");
        }

        var region = Regions.TryNormalize(query.Region, out var code) ? code : null;
        if (region is null && !string.IsNullOrEmpty(query.Region))
        {
            validation.Add("region", "must be an ISO 3166-1 alpha-2 country code such as US or GB.");
        }

        var type = SnakeCaseEnum<MediaType>.ParseOptional("type", query.Type, validation);
        validation.ThrowIfInvalid();

        await EnsureFreshAsync(user, cancellationToken);
        var kind = $"{CursorKind}:{region}:{(type is { } t ? SnakeCaseEnum<MediaType>.ToName(t) : "all")}";
        var rows = await InRegion(region!, type)
            .OrderByKeyset(p => p.Name, p => p.Id, descending: false, Keyset.After<string>(kind, page.Cursor))
            .Take(page.Limit + 1)
            .Select(p => new ProviderRow(p.Id, p.TmdbProviderId, p.Name, p.LogoPath, p.MovieRegions.Contains(region!), p.TvRegions.Contains(region!)))
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, kind, r => r.Name, r => r.Id).Map(r => r.ToResponse(images));
    }

    /// <summary>Providers TMDB lists in <paramref name="region"/> (for the type, or for either).</summary>
    internal IQueryable<WatchProvider> InRegion(string region, MediaType? type) => type switch
    {
        MediaType.Movie => db.WatchProviders.Where(p => p.MovieRegions.Contains(region)),
        MediaType.Tv => db.WatchProviders.Where(p => p.TvRegions.Contains(region)),
        _ => db.WatchProviders.Where(p => p.MovieRegions.Contains(region) || p.TvRegions.Contains(region)),
    };

    /// <summary>
    /// Reads TMDB's lists again when the cache is empty or older than the maximum age. One statement when it is fresh.
    /// </summary>
    internal async Task EnsureFreshAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var staleBefore = clock.GetUtcNow() - options.Value.ProviderMaxAge;
        var refreshedAt = await db.WatchProviders.MaxAsync(p => (DateTimeOffset?)p.RefreshedAt, cancellationToken);
        if (refreshedAt >= staleBefore)
        {
            return;
        }

        try
        {
            await RefreshAsync(user, staleBefore, cancellationToken);
        }
        catch (DomainException e) when (e is TooManyRequestsException or DependencyUnavailableException && refreshedAt is not null)
        {
            LogKeptStale(logger, refreshedAt.Value, e.Message);
        }
    }

    private async Task RefreshAsync(CurrentUser user, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('watch_providers:refresh', 0))", cancellationToken);
        var refreshedAt = await db.WatchProviders.MaxAsync(p => (DateTimeOffset?)p.RefreshedAt, cancellationToken);
        if (refreshedAt >= staleBefore)
        {
            return; // another reader refreshed it while this one waited for the lock
        }

        // Counted in this transaction, so only the reader that asks TMDB counts; kept when TMDB fails too.
        await limiter.AcquireAsync(
            [
                RateLimit.PerHour($"providers:refresh:user:{user.UserId}", RefreshesPerUserPerHour, LimitMessage),
                RateLimit.PerHour("providers:refresh", RefreshesPerHour, LimitMessage),
            ],
            cancellationToken);
        TmdbProviderCatalog movies, shows;
        try
        {
            movies = await tmdb.GetProviderCatalogAsync(MediaType.Movie, cancellationToken);
            shows = await tmdb.GetProviderCatalogAsync(MediaType.Tv, cancellationToken);
        }
        catch (DependencyUnavailableException)
        {
            await transaction.CommitAsync(CancellationToken.None);
            throw;
        }

        var providers = Merge(movies, shows);
        var now = clock.GetUtcNow();
        if (providers.Count > 0)
        {
            var rows = JsonSerializer.Serialize(providers, RowJson);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO watch_providers AS w (id, tmdb_provider_id, name, logo_path, display_priority, movie_regions, tv_regions, refreshed_at)
                SELECT o.id, o.tmdb_provider_id, o.name, o.logo_path, o.display_priority, o.movie_regions, o.tv_regions, {now}
                FROM jsonb_to_recordset({rows}::jsonb) AS o(id text, tmdb_provider_id integer, name text, logo_path text,
                                                            display_priority integer, movie_regions text[], tv_regions text[])
                ON CONFLICT (tmdb_provider_id) DO UPDATE
                SET name = excluded.name, logo_path = excluded.logo_path, display_priority = excluded.display_priority,
                    movie_regions = excluded.movie_regions, tv_regions = excluded.tv_regions, refreshed_at = excluded.refreshed_at
                """, cancellationToken);

            // Providers TMDB no longer lists; an empty answer never empties the cache.
            await db.WatchProviders.Where(p => p.RefreshedAt < now).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogRefreshed(logger, providers.Count);
    }

    /// <summary>One row per provider from both lists: the first name and logo seen, the lower priority, each list's regions.</summary>
    private static List<ProviderCatalogRow> Merge(TmdbProviderCatalog movies, TmdbProviderCatalog shows)
    {
        var merged = new Dictionary<int, ProviderCatalogRow>();
        foreach (var (list, isMovie) in new[] { (movies, true), (shows, false) })
        {
            foreach (var provider in list.Results ?? [])
            {
                if (provider.ProviderId <= 0 || TmdbValues.Text(provider.ProviderName, FieldLimits.ProviderName) is not { } name)
                {
                    continue;
                }

                var regions = (provider.DisplayPriorities?.Keys ?? [])
                    .Select(r => Regions.TryNormalize(r, out var code) ? code : null)
                    .OfType<string>();
                if (!merged.TryGetValue(provider.ProviderId, out var row))
                {
                    row = new ProviderCatalogRow(
                        Cuid.NewId(), provider.ProviderId, name, TmdbValues.ImagePath(provider.LogoPath), provider.DisplayPriority ?? int.MaxValue, [], []);
                    merged.Add(provider.ProviderId, row);
                }

                var target = isMovie ? row.MovieRegions : row.TvRegions;
                target.AddRange(regions.Where(r => !target.Contains(r, StringComparer.Ordinal)));
                target.Sort(StringComparer.Ordinal);
                merged[provider.ProviderId] = row with { DisplayPriority = Math.Min(row.DisplayPriority, provider.DisplayPriority ?? int.MaxValue) };
            }
        }

        return merged.Values.ToList();
    }

    private sealed record ProviderCatalogRow(
        string Id, int TmdbProviderId, string Name, string? LogoPath, int DisplayPriority, List<string> MovieRegions, List<string> TvRegions);

    private sealed record ProviderRow(string Id, int TmdbProviderId, string Name, string? LogoPath, bool Movies, bool Tv)
    {
        public WatchProviderResponse ToResponse(MediaImages images) => new(
            TmdbProviderId, Name, images.Logo(LogoPath), [.. Movies ? new[] { MediaType.Movie } : [], .. Tv ? new[] { MediaType.Tv } : []]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Streaming provider list refreshed from TMDB: {Count} providers")]
    private static partial void LogRefreshed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Streaming provider list (from {RefreshedAt:o}) kept: not refreshed because {Reason}")]
    private static partial void LogKeptStale(ILogger logger, DateTimeOffset refreshedAt, string reason);
}
