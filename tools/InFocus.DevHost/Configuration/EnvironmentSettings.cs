using System.Collections;

namespace InFocus.DevHost.Configuration;

/// <summary>
/// Environment variables as app settings. Like <c>func start</c>, a variable that is set but empty does not hide the
/// local setting of the same name.
/// </summary>
public static class EnvironmentSettings
{
    public static IEnumerable<KeyValuePair<string, string?>> Load() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Where(e => e.Value is string { Length: > 0 })
            .Select(e => KeyValuePair.Create(AppSettings.ToConfigurationKey((string)e.Key), (string?)e.Value))
            .ToList();
}
