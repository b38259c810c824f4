using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Tonight;

public static class TonightServiceCollectionExtensions
{
    public static IServiceCollection AddTonight(this IServiceCollection services)
    {
        services.AddScoped<TonightService>();
        services.AddScoped<TonightPickService>();
        return services;
    }
}
