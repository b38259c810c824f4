using Azure.Core;
using Azure.Identity;
using InFocus.Domain.Common.Email.Acs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Common.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IEmailSender"/> for the configured provider (<c>Email__Provider</c>).</summary>
    public static IServiceCollection AddInFocusEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .ValidateDataAnnotations()
            .Validate(
                o => o.Provider != EmailProvider.AzureCommunicationServices || Uri.TryCreate(o.Acs.Endpoint, UriKind.Absolute, out _),
                "Email__Acs__Endpoint must be the ACS resource's absolute URL when Email__Provider is AzureCommunicationServices.")
            .ValidateOnStart();

        // Only used without an access key; a host or test may register its own credential first.
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddTransient<AcsAuthenticationHandler>();
        services.AddHttpClient<AcsEmailClient>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<AcsAuthenticationHandler>();
        services.AddTransient<SmtpEmailSender>();
        services.AddTransient<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.Provider == EmailProvider.AzureCommunicationServices
                ? provider.GetRequiredService<AcsEmailClient>()
                : provider.GetRequiredService<SmtpEmailSender>());
        return services;
    }
}
