using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace InFocus.TestKit;

/// <summary>
/// Configuration for tests: the committed local.settings.sample.json (so a setting missing from the sample fails
/// tests) with test overrides on top. Keys use the app-setting form (<c>Database__ConnectionString</c>).
/// </summary>
public static class TestSettings
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static IReadOnlyDictionary<string, string> Sample { get; } = LoadSample();

    public static IConfiguration Build(IReadOnlyDictionary<string, string?> overrides)
    {
        var merged = Sample.ToDictionary(p => ToConfigurationKey(p.Key), p => (string?)p.Value);
        foreach (var (key, value) in overrides)
        {
            merged[ToConfigurationKey(key)] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(merged).Build();
    }

    /// <summary>
    /// The app settings a development host under test gets over the sample: its database and invitation queue, the
    /// local Azurite and SMTP sink, a fast bcrypt, queue polling quick enough for tests, warnings only in the log, and
    /// the email limits out of the way (their own tests set them).
    /// </summary>
    public static Dictionary<string, string?> HostOverrides(string connectionString, string invitationQueue)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database__ConnectionString"] = connectionString,
            ["AzureWebJobsStorage"] = TestEnvironment.Storage,
            ["InvitationEmailQueue"] = invitationQueue,
            ["Auth__BcryptWorkFactor"] = "4",
            ["Auth__AllowWeakBcryptWorkFactorForTests"] = "true",
            ["Email__Smtp__Host"] = TestEnvironment.SmtpHost,
            ["Email__Smtp__Port"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Failed queue messages come back at once and empty queues are polled often, so queue tests take little time.
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost__logging__logLevel__default"] = "Warning",
        };
        foreach (var (key, value) in TestEmailLimits.Generous)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>App settings use <c>__</c> where configuration keys use <c>:</c>.</summary>
    public static string ToConfigurationKey(string appSetting) => appSetting.Replace("__", ":", StringComparison.Ordinal);

    private static Dictionary<string, string> LoadSample()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "InFocus.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tests must run inside the InFocus repository (InFocus.sln not found above the test binaries).");
    }
}
