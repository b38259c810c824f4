using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Invitations;

public static class InvitationsServiceCollectionExtensions
{
    public static IServiceCollection AddInvitations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvitationOptions>()
            .Bind(configuration.GetSection(InvitationOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<InvitationEmailQueueOptions>()
            .Configure(o => o.QueueName = configuration[InvitationEmailQueueOptions.Setting] is { Length: > 0 } name ? name : InvitationEmailQueueOptions.DefaultName);
        services.AddSingleton<InvitationEmailQueue>();
        services.AddScoped<InvitationEmailOutbox>();
        services.AddScoped<FamilyInvitationsService>();
        services.AddScoped<InvitationResponder>();
        services.AddScoped<InvitationJoinService>();
        services.AddScoped<InvitationEmailDelivery>();
        services.AddScoped<InvitationExpiry>();
        return services;
    }
}
