using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Availability;

public static class AvailabilityServiceCollectionExtensions
{
    public static IServiceCollection AddAvailability(this IServiceCollection services)
    {
        services.AddScoped<ProviderDirectory>();
        services.AddScoped<MyServicesService>();
        return services;
    }
}
