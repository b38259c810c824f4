using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
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

    /// <summary>How the Functions host authenticates to Application Insights: "ClientId=...;Authorization=AAD" in Azure.</summary>
    private const string ApplicationInsightsAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

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
        // In Azure, Application Insights takes Entra-authenticated telemetry only (local auth disabled): the worker's
        // SDK signs its telemetry with the app's identity, as the host does, whenever the host's setting says so.
        if (builder.Configuration[ApplicationInsightsAuthenticationSetting]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true)
        {
            builder.Services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(new DefaultAzureCredential()));
        }

        builder.Services.AddInFocusFunctions(builder.Configuration);
        return builder;
    }
}
