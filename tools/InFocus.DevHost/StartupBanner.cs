using InFocus.DevHost.Admin;
using InFocus.DevHost.Configuration;
using InFocus.DevHost.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.DevHost;

/// <summary>What <c>func start</c> prints once the host runs: what this is, where settings came from, the functions.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, DevHostOptions options, (string Path, bool Created)? localSettings)
    {
        var baseUrl = DisplayUrl(app.Urls.First());
        var settings = localSettings is { } file
            ? $"{file.Path}{(file.Created ? $" (just created from {LocalSettingsFile.SampleFileName})" : "")}, then environment variables"
            : "environment variables (no local.settings.json found)";
        var functions = app.Services.GetRequiredService<FunctionCatalog>().Functions;

        Console.WriteLine($"""

            InFocus development host - a development tool, not for production. Production runs on Azure Functions.
              Function app  {app.Environment.ContentRootPath}
              Settings      {settings}
              Client address {(options.TrustForwardedHeaders ? "X-Forwarded-For of loopback callers (--trust-forwarded-headers)" : "the connection's (X-Forwarded-For ignored)")}
              Admin key     {options.AdminKey} (header {AdminEndpoints.KeyHeader}; new at every start)

            Functions:
            {string.Join(Environment.NewLine, functions.Select(f => $"  {f.Name}: {Describe(f, baseUrl)}"))}

            Run a timer or queue function now:
              curl -X POST {baseUrl}{AdminEndpoints.InvokeRoute.Replace("{name}", "<name>", StringComparison.Ordinal)} -H '{AdminEndpoints.KeyHeader}: {options.AdminKey}' -H 'Content-Type: application/json' -d '{"{"}"input":""{"}"}'
            Press Ctrl+C to stop.

            """);
    }

    private static string Describe(FunctionDescriptor function, string baseUrl) => function.Trigger switch
    {
        HttpTrigger http => $"[{(http.Methods.Count == 0 ? "*" : string.Join(",", http.Methods))}] {baseUrl}{http.Template}",
        var trigger => trigger.Describe(),
    };

    private static string DisplayUrl(string url)
    {
        var uri = new UriBuilder(url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        return $"{uri.Scheme}://{uri.Host}:{uri.Port}";
    }
}
