using InFocus.Domain.Invitations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Maintenance;

public static class MaintenanceServiceCollectionExtensions
{
    public static IServiceCollection AddMaintenance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvitationEmailQueueOptions>()
            .Configure(o => o.QueueName = configuration[InvitationEmailQueueOptions.Setting] is { Length: > 0 } name ? name : InvitationEmailQueueOptions.DefaultName);
        services.AddScoped<HealthProbe>();
        services.AddScoped<TokenPruner>();
        return services;
    }
}
