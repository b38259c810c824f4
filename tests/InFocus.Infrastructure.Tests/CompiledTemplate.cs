using System.Text.Json.Nodes;

namespace InFocus.Infrastructure.Tests;

/// <summary>main.bicep compiled to an ARM template (by <see cref="BicepRuns"/>), with helpers to search it.</summary>
internal static class CompiledTemplate
{
    private static readonly Lazy<JsonNode> _main = new(() =>
    {
        var path = BicepRuns.TemplatePath("main.bicep");
        if (BicepRuns.Build.DiagnosticsFor("main.bicep").Any(d => d.Level == "Error") || !File.Exists(path))
        {
            throw new InvalidOperationException($"bicep build main.bicep failed:\n{BicepRuns.Build.StandardError}");
        }

        return JsonNode.Parse(File.ReadAllText(path))!;
    });

    public static JsonNode Main => _main.Value;

    /// <summary>The nested deployment of the module main.bicep deploys as <paramref name="name"/>.</summary>
    public static JsonObject Module(string name) =>
        ResourcesOfType("Microsoft.Resources/deployments").Single(d => d["name"]?.ToString() == name);

    /// <summary>Every resource declaration of the given type, nested deployments (modules) included.</summary>
    public static IReadOnlyList<JsonObject> ResourcesOfType(string type)
    {
        var found = new List<JsonObject>();
        Walk(Main, found, type);
        return found;
    }

    private static void Walk(JsonNode? node, List<JsonObject> found, string type)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue value && value.TryGetValue<string>(out var t)
                    && string.Equals(t, type, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(obj);
                }

                foreach (var (_, child) in obj)
                {
                    Walk(child, found, type);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Walk(child, found, type);
                }

                break;
        }
    }
}
