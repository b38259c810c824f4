using System.Globalization;
using InFocus.DevHost.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InFocus.DevHost;

/// <summary>The command line: <c>dotnet run --project tools/InFocus.DevHost [-- --port N]</c>.</summary>
internal static class DevHostProgram
{
    private const string TrustForwardedHeadersFlag = "--trust-forwarded-headers";

    private const string Usage = """
        InFocus development host: runs InFocus.Functions locally without Azure Functions Core Tools.
        A development tool; production runs on Azure Functions.

        Usage: dotnet run --project tools/InFocus.DevHost [-- [--port <port>] [--trust-forwarded-headers]]

          --port, -p                 port to listen on at localhost (default 7071; ASPNETCORE_URLS also works)
          --trust-forwarded-headers  take the client address from X-Forwarded-For of loopback callers (behind a
                                     local reverse proxy, or for tests); without it the connection's address counts

        Settings: InFocus.Functions/local.settings.json (created from local.settings.sample.json when missing),
        then environment variables. See docs/development-host.md.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var trustForwardedHeaders = args.Contains(TrustForwardedHeadersFlag);
        if (!TryReadUrls(args.Where(a => a != TrustForwardedHeadersFlag).ToArray(), out var urls))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 1;
        }

        var localSettings = LocalSettingsFile.LocateOrCreate();
        DevHostOptions options;
        WebApplication app;
        try
        {
            options = new DevHostOptions { Urls = urls, LocalSettingsPath = localSettings?.Path, TrustForwardedHeaders = trustForwardedHeaders };
            app = DevHostApplication.Build(options);
        }
        catch (DevHostStartupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync();
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Cannot listen on {urls}: {e.Message} Is another host running? Choose another port with --port.");
                return 1;
            }
            catch (OptionsValidationException e)
            {
                // A setting the app validates at start-up (as under Azure Functions) is missing or wrong: the message names it.
                await Console.Error.WriteLineAsync($"InFocus cannot start: {string.Join(" ", e.Failures)}");
                return 1;
            }

            StartupBanner.Print(app, options, localSettings);
            await app.WaitForShutdownAsync();
        }

        return 0;
    }

    private static bool TryReadUrls(string[] args, out string urls)
    {
        urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : $"http://localhost:{DevHostOptions.DefaultPort}";
        if (args.Length == 0)
        {
            return true;
        }

        if (args is ["--port" or "-p", var value] && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            urls = $"http://localhost:{port}";
            return true;
        }

        return false;
    }
}
