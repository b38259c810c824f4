using InFocus.Domain.Emails;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<NotificationService>();
        services.AddOptions<NotificationDigestOptions>().Bind(configuration.GetSection(NotificationDigestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<NotificationDigestService>();
        services.AddScoped<NotificationDigestSource>();
        services.AddScoped<IEmailSource>(sp => sp.GetRequiredService<NotificationDigestSource>());
        return services;
    }
}
