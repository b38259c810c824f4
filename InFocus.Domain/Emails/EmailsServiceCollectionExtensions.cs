using InFocus.Domain.Common.Limits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Emails;

public static class EmailsServiceCollectionExtensions
{
    /// <summary>The email outbox, its queue and its delivery; features add their <see cref="IEmailSource"/>.</summary>
    public static IServiceCollection AddEmails(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailQueueOptions>()
            .Configure(o => o.QueueName = configuration[EmailQueueOptions.Setting] is { Length: > 0 } name ? name : EmailQueueOptions.DefaultName);
        services.AddOptions<EmailLimitsOptions>().Bind(configuration.GetSection(EmailLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RateLimiter>();
        services.AddSingleton<EmailQueue>();
        services.AddScoped<EmailSources>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<EmailDelivery>();
        return services;
    }
}
