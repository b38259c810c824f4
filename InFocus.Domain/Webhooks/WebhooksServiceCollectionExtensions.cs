using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Webhooks;

public static class WebhooksServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(
                o => o.MaxPerUser > 0 && o.BatchSize is > 0 and <= 1_000 && o.Parallelism > 0 && o.MaxAttempts > 0 && o.DisableAfterFailures > 0
                     && o.Timeout > TimeSpan.Zero && o.RetryBaseDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.RetryBaseDelay
                     && o.Lease > o.Timeout * Math.Ceiling((double)o.BatchSize / o.Parallelism),
                "Webhooks: MaxPerUser, BatchSize (up to 1000), Parallelism, MaxAttempts and DisableAfterFailures must be positive, "
                + "Timeout and RetryBaseDelay positive, MaxRetryDelay at least RetryBaseDelay, and Lease longer than a batch can take "
                + "(Timeout × BatchSize / Parallelism).")
            .ValidateOnStart();
        services.AddSingleton(provider => new WebhookAddressGuard(provider.GetService<IHostEnvironment>()));
        services.AddHttpClient<WebhookSender>(WebhookSender.ClientName, (provider, http) =>
                http.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            // IHttpClientFactory's request logging would log the URLs, which may carry the receiver's own tokens.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var guard = provider.GetRequiredService<WebhookAddressGuard>();
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    ConnectCallback = guard.ConnectAsync,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                };
            });
        services.AddScoped<WebhookService>();
        services.AddScoped<WebhookDeliverer>();
        return services;
    }
}
