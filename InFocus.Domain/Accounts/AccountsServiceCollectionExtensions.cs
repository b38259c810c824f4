using InFocus.Domain.Emails;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        // A missing, weak or public signing key, or a weak work factor, stops the app at start-up with a message naming the setting.
        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>(
            provider => new JwtOptionsValidator(provider.GetService<IHostEnvironment>())));
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());

        services.AddSingleton<JwtKeys>();
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<PasswordHasher>();
        services.AddScoped<IAccessTokenValidator, AccessTokenValidator>();
        services.AddScoped<LoginThrottle>();
        services.AddScoped<SessionTokens>();
        services.AddScoped<SessionRevocation>();

        services.AddSingleton<AccountLinks>();
        services.AddScoped<IEmailSource, EmailVerificationSource>();
        services.AddScoped<IEmailSource, PasswordResetSource>();
        services.AddScoped<RegistrationService>();
        services.AddScoped<EmailVerificationService>();
        services.AddScoped<PasswordResetService>();
        services.AddScoped<SignInService>();
        services.AddScoped<TokenRefreshService>();
        services.AddScoped<SessionService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<PasswordChangeService>();
        services.AddScoped<AccountDeletionService>();
        return services;
    }
}
