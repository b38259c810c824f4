using System.Text.Json;
using System.Text.Json.Nodes;
using InFocus.DevHost.Metadata;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// A copy of the function app's <c>functions.metadata</c> (as the build wrote it) that a test can change: drop
/// functions, add probe functions, then write it to a file for the host to serve.
/// </summary>
public sealed class FunctionAppMetadata
{
    private readonly JsonArray _functions;

    private FunctionAppMetadata(JsonArray functions) => _functions = functions;

    /// <summary>The build output's file, next to the test binaries (the function app's build puts it there).</summary>
    public static string BuildOutputPath { get; } = Path.Combine(AppContext.BaseDirectory, FunctionMetadataFile.FileName);

    public static FunctionAppMetadata FromBuildOutput() => new(JsonNode.Parse(File.ReadAllText(BuildOutputPath))!.AsArray());

    public static FunctionAppMetadata Empty() => new([]);

    public IEnumerable<string> Names => _functions.Select(f => f!["name"]!.GetValue<string>());

    public FunctionAppMetadata Without(string name)
    {
        _functions.Remove(_functions.Single(f => f!["name"]!.GetValue<string>() == name));
        return this;
    }

    /// <summary>Adds the <c>[Function]</c> methods of <paramref name="type"/>.</summary>
    public FunctionAppMetadata WithFunctionsOf(Type type)
    {
        foreach (var method in FunctionEntries.FunctionsOf(type))
        {
            _functions.Add(FunctionEntries.For(method));
        }

        return this;
    }

    public FunctionAppMetadata With(JsonObject function)
    {
        _functions.Add(function);
        return this;
    }

    /// <summary>Writes the metadata to a new temporary file and returns its path.</summary>
    public string WriteToTemporaryFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"functions-{Guid.NewGuid():N}.metadata");
        File.WriteAllText(path, _functions.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
