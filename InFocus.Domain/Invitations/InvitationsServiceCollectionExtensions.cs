using InFocus.Domain.Emails;
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
        services.AddScoped<IEmailSource, InvitationEmailSource>();
        services.AddScoped<FamilyInvitationsService>();
        services.AddScoped<InvitationResponder>();
        services.AddScoped<InvitationJoinService>();
        services.AddScoped<InvitationExpiry>();
        return services;
    }
}
