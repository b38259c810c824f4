using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Recommendations;

public static class RecommendationsServiceCollectionExtensions
{
    public static IServiceCollection AddRecommendations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RecommendationService>();
        services.AddScoped<RecommendationReplies>();
        services.AddScoped<RecommendationListing>();
        return services;
    }
}
