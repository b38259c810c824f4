using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Data.Seed;

public static class SeedServiceCollectionExtensions
{
    public static IServiceCollection AddDevelopmentSeed(this IServiceCollection services) =>
        services.AddScoped<DevelopmentSeeder>();
}
