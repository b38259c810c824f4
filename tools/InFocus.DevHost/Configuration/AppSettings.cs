using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace InFocus.DevHost.Configuration;

/// <summary>App settings as the Functions host sees them: <c>Section__Key</c> names, <c>%Setting%</c> expressions.</summary>
public static partial class AppSettings
{
    /// <summary>The configuration key of an app setting: <c>__</c> separates sections, as in environment variables.</summary>
    public static string ToConfigurationKey(string appSetting) => appSetting.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    /// <summary>
    /// Replaces every <c>%Setting%</c> in a binding property (queue names, schedules) with the setting's value, as the
    /// host's name resolver does. Returns false and names the first setting that has no value.
    /// </summary>
    public static bool TryResolve(string expression, IConfiguration configuration, out string resolved, out string? missingSetting)
    {
        string? missing = null;
        resolved = SettingReference().Replace(expression, match =>
        {
            var value = configuration[ToConfigurationKey(match.Groups["name"].Value)];
            if (string.IsNullOrEmpty(value))
            {
                missing ??= match.Groups["name"].Value;
            }

            return value ?? "";
        });
        missingSetting = missing;
        return missing is null;
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingReference();
}
