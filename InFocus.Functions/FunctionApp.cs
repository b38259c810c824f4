using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InFocus.Functions;

/// <summary>The worker host as <c>Program.cs</c> builds it, in one place so tests can build the very same host.</summary>
public static class FunctionApp
{
    private const string ApplicationInsightsLoggerProvider =
        "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();
        // The Application Insights worker SDK adds a rule that keeps only warnings; the jobs' counts and the
        // per-request completion lines are information, so that rule is removed (the documented isolated-worker fix).
        builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var rule in options.Rules.Where(rule => rule.ProviderName == ApplicationInsightsLoggerProvider).ToList())
            {
                options.Rules.Remove(rule);
            }
        });
        builder.Services.AddInFocusFunctions(builder.Configuration);
        return builder;
    }
}
