using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<NotificationService>();
        return services;
    }
}
