using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Watchlist;

public static class WatchlistServiceCollectionExtensions
{
    public static IServiceCollection AddWatchlist(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<TitleResolver>();
        services.AddScoped<WatchlistService>();
        services.AddScoped<WatchlistListing>();
        services.AddScoped<WatchlistStatistics>();
        return services;
    }
}
