using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Families;

public static class FamiliesServiceCollectionExtensions
{
    public static IServiceCollection AddFamilies(this IServiceCollection services)
    {
        services.AddScoped<FamilyService>();
        services.AddScoped<FamilyMembersService>();
        services.AddScoped<FamilyWatchlistService>();
        return services;
    }
}
