using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Maintenance;

public static class MaintenanceServiceCollectionExtensions
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services)
    {
        services.AddScoped<HealthProbe>();
        services.AddScoped<TokenPruner>();
        return services;
    }
}
