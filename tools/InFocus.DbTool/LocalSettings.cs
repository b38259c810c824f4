using System.Text.Json;

namespace InFocus.DbTool;

/// <summary>
/// The function app's local settings as <c>func start</c> reads them: <c>Values</c> of
/// InFocus.Functions/local.settings.json, falling back to the committed sample, keys in configuration form.
/// </summary>
internal static class LocalSettings
{
    public static IEnumerable<KeyValuePair<string, string?>> Load()
    {
        var root = FindRepositoryRoot();
        var file = new[] { Path.Combine(root, "InFocus.Functions", "local.settings.json"), Path.Combine(root, "local.settings.sample.json") }
            .First(File.Exists);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.GetString()))
            .ToList();
    }

    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "local.settings.sample.json")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the tool inside the InFocus repository (local.settings.sample.json not found).");
    }
}
