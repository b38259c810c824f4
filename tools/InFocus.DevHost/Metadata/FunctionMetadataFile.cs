using System.Text.Json;

namespace InFocus.DevHost.Metadata;

/// <summary>Reads <c>functions.metadata</c>: a JSON array of functions with their bindings.</summary>
public static class FunctionMetadataFile
{
    public const string FileName = "functions.metadata";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static IReadOnlyList<FunctionMetadata> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DevHostStartupException(
                [$"{path} does not exist. It is written by the build of InFocus.Functions (the worker SDK); build the development host again."]);
        }

        try
        {
            return JsonSerializer.Deserialize<List<FunctionMetadata>>(File.ReadAllText(path), Json)
                ?? throw new DevHostStartupException([$"{path} is empty."]);
        }
        catch (JsonException e)
        {
            throw new DevHostStartupException([$"{path} is not valid function metadata: {e.Message}"]);
        }
    }
}
