using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Media;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Availability;

/// <summary><c>GET</c> and <c>PUT /api/me/services</c>: the user's region and the streaming services they have.</summary>
public sealed class MyServicesService(InFocusDbContext db, ProviderDirectory directory, MediaImages images)
{
    /// <summary>Most services one user may name.</summary>
    public const int MaxServices = 100;

    /// <summary>The user's region and services by name; services TMDB no longer lists are left out.</summary>
    public async Task<MyServicesResponse> GetAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var row = await db.Users
            .Where(u => u.Id == user.UserId)
            .Select(u => new
            {
                u.Region,
                Services = db.Subscriptions
                    .Where(s => s.UserId == u.Id)
                    .Join(db.WatchProviders, s => s.TmdbProviderId, p => p.TmdbProviderId, (s, p) => p)
                    .OrderBy(p => p.Name).ThenBy(p => p.TmdbProviderId)
                    .Select(p => new { p.TmdbProviderId, p.Name, p.LogoPath })
                    .ToList(),
            })
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("User");
        return new MyServicesResponse(row.Region, row.Services.Select(s => new MyServiceResponse(s.TmdbProviderId, s.Name, images.Logo(s.LogoPath))).ToList());
    }

    /// <summary>
    /// Sets the region and replaces the services. Every provider must be one TMDB lists in that region. The user's row
    /// is updated first (and so locked), so concurrent replacements apply one after the other, each whole.
    /// </summary>
    public async Task<MyServicesResponse> ReplaceAsync(CurrentUser user, MyServicesRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var region = Regions.TryNormalize(request.Region, out var code) ? code : null;
        if (region is null)
        {
            validation.Add("region", "is required: an ISO 3166-1 alpha-2 country code such as US or GB.");
        }

        var ids = (request.ProviderIds ?? []).Distinct().ToArray();
        if (request.ProviderIds is null)
        {
            validation.Add("providerIds", "is required (an empty list for none).");
        }
        else if (ids.Length > MaxServices)
        {
            validation.Add("providerIds", $"must name at most {MaxServices} providers.");
        }
        else if (ids.Any(id => id <= 0))
        {
            validation.Add("providerIds", "must be TMDB provider ids (positive integers).");
        }

        validation.ThrowIfInvalid();

        await directory.EnsureFreshAsync(user, cancellationToken);
        var known = await directory.InRegion(region!, type: null)
            .Where(p => ids.Contains(p.TmdbProviderId))
            .Select(p => p.TmdbProviderId)
            .ToListAsync(cancellationToken);
        var regionKnown = known.Count > 0 || await directory.InRegion(region!, type: null).AnyAsync(cancellationToken);
        if (!regionKnown)
        {
            throw ValidationException.For("region", $"TMDB lists no streaming providers in {region}; use a region GET /api/providers knows.");
        }

        var unknown = ids.Except(known).Order().ToList();
        if (unknown.Count > 0)
        {
            throw ValidationException.For("providerIds", $"TMDB lists no such provider in {region}: {string.Join(", ", unknown)}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Users.Where(u => u.Id == user.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Region, region), cancellationToken);
        if (updated == 0)
        {
            throw new NotFoundException("User");
        }

        await db.Subscriptions.Where(s => s.UserId == user.UserId && !ids.Contains(s.TmdbProviderId)).ExecuteDeleteAsync(cancellationToken);
        if (ids.Length > 0)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO subscriptions (id, user_id, tmdb_provider_id)
                SELECT new_id, {user.UserId}, provider_id FROM unnest({BulkIds(ids.Length)}, {ids}) AS s(new_id, provider_id)
                ON CONFLICT (user_id, tmdb_provider_id) DO NOTHING
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(user, cancellationToken);
    }

    private static string[] BulkIds(int count) => Enumerable.Range(0, count).Select(_ => Cuid.NewId()).ToArray();
}
