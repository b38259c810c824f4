using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Imports;

public static class ImportsServiceCollectionExtensions
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImportOptions>()
            .Bind(configuration.GetSection(ImportOptions.Section))
            .Configure(o =>
            {
                if (configuration[ImportOptions.QueueSetting] is { Length: > 0 } queue)
                {
                    o.UseQueue(queue);
                }
            })
            .Validate(o => o.MaxBytes > 0 && o.MaxRows > 0 && o.BatchSize is > 0 and <= 1_000 && o.LookupParallelism > 0 && o.MaxAttempts > 0 && o.Lease > o.RunTimeBudget,
                "Imports: MaxBytes, MaxRows, BatchSize (up to 1000) LookupParallelism and MaxAttempts must be positive, and Lease longer than RunTimeBudget.")
            .ValidateOnStart();
        services.AddSingleton(sp => new ImportFileReader(sp.GetRequiredService<IOptions<ImportOptions>>().Value));
        services.AddSingleton<ImportStorage>();
        services.AddScoped<ImportService>();
        services.AddScoped<TitleMatcher>();
        services.AddScoped<ImportApplier>();
        services.AddScoped<ImportProcessor>();
        services.AddScoped<ImportSweep>();
        services.AddScoped<ExportService>();
        return services;
    }
}
