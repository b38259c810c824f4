using System.Text.Json;

namespace InFocus.DevHost.Configuration;

/// <summary>
/// <c>local.settings.json</c> as <c>func start</c> reads it: <c>Values</c> become app settings and
/// <c>ConnectionStrings</c> become <c>ConnectionStrings:{name}</c>; environment variables win over both.
/// </summary>
public static class LocalSettingsFile
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";
    public const string FunctionAppProject = "InFocus.Functions";

    /// <summary>
    /// The function app project's local.settings.json in the repository this program runs from (searched upwards
    /// from the working directory, then from the program's own folder). When it does not exist yet it is created
    /// from the committed sample, as the README promises a fresh clone. Null outside a repository checkout.
    /// </summary>
    public static (string Path, bool Created)? LocateOrCreate()
    {
        var root = FindRepositoryRoot();
        if (root is null)
        {
            return null;
        }

        var path = Path.Combine(root, FunctionAppProject, FileName);
        if (File.Exists(path))
        {
            return (path, false);
        }

        File.Copy(Path.Combine(root, SampleFileName), path);
        return (path, true);
    }

    /// <exception cref="DevHostStartupException">The file is not plain, well-formed local settings.</exception>
    public static IEnumerable<KeyValuePair<string, string?>> Load(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.TryGetProperty("IsEncrypted", out var encrypted) && encrypted.ValueKind == JsonValueKind.True)
            {
                throw Invalid(path, "it is encrypted; the development host reads plain settings only (func settings decrypt).");
            }

            var values = Strings(root, "Values", path).Select(p => KeyValuePair.Create(AppSettings.ToConfigurationKey(p.Key), p.Value));
            var connectionStrings = Strings(root, "ConnectionStrings", path).Select(p => KeyValuePair.Create($"ConnectionStrings:{p.Key}", p.Value));
            return values.Concat(connectionStrings).ToList();
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not valid JSON: {e.Message}");
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> Strings(JsonElement root, string section, string path)
    {
        if (!root.TryGetProperty(section, out var element))
        {
            return [];
        }

        return element.EnumerateObject().Select(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null
            ? KeyValuePair.Create(p.Name, p.Value.GetString())
            : throw Invalid(path, $"{section}.{p.Name} must be a string."));
    }

    private static DevHostStartupException Invalid(string path, string problem) => new([$"{path}: {problem}"]);

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SampleFileName)) && Directory.Exists(Path.Combine(directory.FullName, FunctionAppProject)))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
