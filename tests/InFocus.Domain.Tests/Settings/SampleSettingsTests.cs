using System.Security.Cryptography;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Tests.Settings;

/// <summary>
/// local.settings.sample.json names exactly the settings the code reads. Together with the settings-parity test of
/// tests/InFocus.Infrastructure.Tests (sample = Bicep app settings), a setting the code starts reading cannot ship
/// without its line in the sample and its line in the infrastructure.
/// </summary>
public sealed class SampleSettingsTests
{
    /// <summary>Sample settings the Functions host or worker reads, not InFocus's own registrations; each says why.</summary>
    private static readonly Dictionary<string, string> _readByTheHost = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "The Functions host (func start) picks the worker with it.",
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "The worker's Application Insights telemetry (Program.cs) reads it.",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "The Functions host and the worker (FunctionApp.cs) sign telemetry with Entra when it says Authorization=AAD.",
    };

    [Fact]
    public void Every_setting_the_app_reads_is_in_the_sample()
    {
        var read = SettingsReadByTheApp();

        var missing = read.Where(path => !Sample.Any(key => key.Equals(path, StringComparison.OrdinalIgnoreCase)
            || key.StartsWith(path + ":", StringComparison.OrdinalIgnoreCase)));

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_setting_in_the_sample_is_read()
    {
        var read = SettingsReadByTheApp();

        var unread = Sample.Where(key => !read.Contains(key, StringComparer.OrdinalIgnoreCase)).Select(AppSettingName);

        Assert.Equal(_readByTheHost.Keys.Order(StringComparer.Ordinal), unread.Order(StringComparer.Ordinal));
    }

    /// <summary>The sample's keys in configuration form (<c>Email:Smtp:Host</c>).</summary>
    private static IReadOnlyList<string> Sample { get; } = TestSettings.Sample.Keys.Select(TestSettings.ToConfigurationKey).ToList();

    private static string AppSettingName(string path) => path.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>
    /// Registers the app as every host does (<c>AddInFocus</c>) over a recording configuration and resolves every
    /// options type it configures, which binds them: the paths read on the way, storage's identity-based forms
    /// (<c>AzureWebJobsStorage:accountName</c>, ...) counted as <c>AzureWebJobsStorage</c>.
    /// </summary>
    private static HashSet<string> SettingsReadByTheApp()
    {
        var configuration = new ReadRecordingConfiguration(TestSettings.Build(new Dictionary<string, string?>
        {
            // A key of its own: the sample's is refused outside Development, and this container has no host environment.
            ["Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInFocus(configuration);
        using var provider = services.BuildServiceProvider();
        var optionsTypes = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct();
        var computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in optionsTypes)
        {
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
            computed.UnionWith(ComputedProperties(type));
        }

        return configuration.ReadPaths
            .Where(path => !computed.Contains(ConfigurationPathLastSegment(path)))
            .Select(path => path.StartsWith("AzureWebJobsStorage:", StringComparison.OrdinalIgnoreCase) ? "AzureWebJobsStorage" : path)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Get-only properties of an options class and the classes nested in it (<c>InvitationOptions.Expiry</c>): the
    /// binder looks them up too, but they are worked out from settings, not settings themselves.
    /// </summary>
    private static IEnumerable<string> ComputedProperties(Type type) =>
        type.GetProperties()
            .Where(p => p.SetMethod is null && p.GetIndexParameters().Length == 0)
            .Select(p => p.Name)
            .Concat(type.GetNestedTypes().Where(t => t.IsClass).SelectMany(ComputedProperties));

    private static string ConfigurationPathLastSegment(string path) => path[(path.LastIndexOf(':') + 1)..];
}
