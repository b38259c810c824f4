using Microsoft.Extensions.Configuration;

namespace InFocus.DevHost.Configuration;

/// <summary>
/// host.json as the Functions host reads it: every value under the <c>AzureFunctionsJobHost</c> section, so that an
/// app setting such as <c>AzureFunctionsJobHost__extensions__queues__visibilityTimeout</c> overrides it.
/// </summary>
public static class HostJson
{
    public const string FileName = "host.json";
    public const string Section = "AzureFunctionsJobHost";

    public static IEnumerable<KeyValuePair<string, string?>> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DevHostStartupException([$"{path} does not exist. The build of InFocus.Functions copies host.json into its output."]);
        }

        return new ConfigurationBuilder().AddJsonFile(path, optional: false).Build()
            .AsEnumerable()
            .Where(p => p.Value is not null)
            .Select(p => KeyValuePair.Create(ConfigurationPath.Combine(Section, p.Key), p.Value))
            .ToList();
    }
}
