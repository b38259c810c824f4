using InFocus.Domain.Media.Tmdb;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Media;

public static class MediaServiceCollectionExtensions
{
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTmdbClient(configuration);
        services.AddSingleton<MediaImages>();
        services.AddScoped<MediaCatalog>();
        services.AddScoped<ShowSeasons>();
        services.AddScoped<ShowSeasonRefresh>();
        services.AddScoped<MediaSearch>();
        services.AddScoped<StreamingProviderRefresh>();
        return services;
    }
}
