using System.Text;
using InFocus.DevHost.Admin;
using InFocus.DevHost.Configuration;
using InFocus.DevHost.Functions;
using InFocus.DevHost.Http;
using InFocus.DevHost.Logging;
using InFocus.DevHost.Metadata;
using InFocus.DevHost.Queues;
using InFocus.DevHost.Timers;
using InFocus.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace InFocus.DevHost;

/// <summary>
/// Builds the development host: an ASP.NET Core application that hosts InFocus.Functions in-process the way the
/// Azure Functions host and worker do with the same build output. A development tool; production runs on Azure Functions.
/// </summary>
public static class DevHostApplication
{
    /// <summary>The Functions host's request body limit (100 MB).</summary>
    private const long MaxRequestBodyBytes = 100 * 1024 * 1024;

    /// <exception cref="DevHostStartupException">The function app cannot be served as its metadata describes.</exception>
    public static WebApplication Build(DevHostOptions options)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DevHostApplication).Assembly.GetName().Name,
            // What func start sets (AZURE_FUNCTIONS_ENVIRONMENT), so the worker's host environment is the same.
            EnvironmentName = Environments.Development,
            ContentRootPath = options.FunctionAppDirectory,
        });
        ConfigureSettings(builder.Configuration, options);
        ConfigureLogging(builder.Logging, builder.Configuration);
        builder.WebHost.UseUrls(options.Urls).ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        var catalog = new FunctionCatalog(FunctionIndexer.Index(
            FunctionMetadataFile.Read(options.ResolvedMetadataPath),
            options.FunctionAssemblies,
            builder.Configuration,
            HttpHostOptions.RoutePrefix(builder.Configuration)));
        builder.Services.AddInFocusFunctions(builder.Configuration);
        // Executors for the framework's IActionResult types, as the worker's ASP.NET Core integration registers them.
        builder.Services.AddMvcCore();
        builder.Services
            .AddSingleton(catalog)
            .AddSingleton(new AdminApiKey(options.AdminKey))
            .AddSingleton(QueuesHostOptions.Read(builder.Configuration))
            .AddSingleton<FunctionInvoker>()
            .AddSingleton<TimerFunctionRunner>()
            .AddSingleton<AdminInvocations>()
            .AddHostedService<RequestTracing>()
            .AddHostedService(services => services.GetRequiredService<AdminInvocations>())
            .AddHostedService<TimerTriggerService>()
            .AddHostedService<QueueTriggerService>();
        options.ConfigureServices?.Invoke(builder.Services);

        // Only when asked (--trust-forwarded-headers): as the worker's ASP.NET Core integration does, the Functions host
        // reaching it over loopback, the client's address in X-Forwarded-For is applied (from loopback callers only).
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded => forwarded.ForwardedHeaders = ForwardedHeaders.All);

        var app = builder.Build();
        FunctionActivation.Validate(app.Services, catalog);
        if (options.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.MapHttpFunctions(catalog);
        app.MapAdminApi();
        return app;
    }

    /// <summary>host.json, then local.settings.json, then environment variables, then explicit settings.</summary>
    private static void ConfigureSettings(ConfigurationManager configuration, DevHostOptions options)
    {
        configuration.Sources.Clear();
        configuration.AddInMemoryCollection(HostJson.Load(Path.Combine(options.FunctionAppDirectory, HostJson.FileName)));
        if (options.LocalSettingsPath is { } localSettings)
        {
            configuration.AddInMemoryCollection(LocalSettingsFile.Load(localSettings));
        }

        if (options.UseEnvironmentVariables)
        {
            configuration.AddInMemoryCollection(EnvironmentSettings.Load());
        }

        configuration.AddInMemoryCollection(options.Settings.Select(s => KeyValuePair.Create(AppSettings.ToConfigurationKey(s.Key), s.Value)));
    }

    /// <summary>
    /// Console logs with scopes (<see cref="BatchingConsoleLoggerProvider"/>), levels from host.json's
    /// <c>logging.logLevel</c> (as the host applies them). Request paths and query strings never reach the log, since
    /// invitation tokens travel in paths: ASP.NET Core's request logs stay at warnings, and its per-request scope (which
    /// carries the path) is not opened at all.
    /// </summary>
    private static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.None);
        logging.Services.Configure<ConsoleFormatterOptions>(console =>
        {
            console.IncludeScopes = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.AddSingleton<ILoggerProvider>(services => new BatchingConsoleLoggerProvider(
            services.GetRequiredService<IOptionsMonitor<ConsoleFormatterOptions>>(),
            new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false))));
        logging.AddConfiguration(configuration.GetSection(ConfigurationPath.Combine(HostJson.Section, "logging")));
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Start-up failures are reported by DevHostProgram in one readable line, not as a logged stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
    }
}
