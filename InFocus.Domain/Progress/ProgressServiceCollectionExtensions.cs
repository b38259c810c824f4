using Microsoft.Extensions.DependencyInjection;

namespace InFocus.Domain.Progress;

public static class ProgressServiceCollectionExtensions
{
    public static IServiceCollection AddProgress(this IServiceCollection services)
    {
        services.AddScoped<ProgressService>();
        services.AddScoped<UpNextService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<CalendarService>();
        services.AddScoped<FamilyProgressService>();
        return services;
    }
}
