using System.Text.Json.Nodes;
using InFocus.EndToEnd.Tests.Harness;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>
/// Bad input, generated from the contract for every operation (what Schemathesis' negative phase does): each query
/// parameter over its length or off its values, each path id unknown or over its length, each body member of the
/// wrong JSON type, and bodies that are not objects. Every answer must be a 4xx the document lists for the operation,
/// with its media type and schema (checked by <see cref="ContractCheckingHandler"/>), never a 5xx.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class NegativeInputTests(DevHostFixture host)
{
    private const string UnknownId = "c00000000000000000unknown1";

    public static TheoryData<string> OperationIds() => [.. ApiContract.Operations.Select(o => o.Id)];

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Bad_input_to_every_operation_is_a_documented_4xx(string operationId)
    {
        var operation = ApiContract.Operations.Single(o => o.Id == operationId);
        var definition = ApiContract.Document["paths"]![operation.Template]![operation.Method.ToLowerInvariant()]!;
        using var user = await host.SignUpAsync();
        var cases = BadRequests(operation, definition).ToList();

        foreach (var (description, path, body, mediaType) in cases)
        {
            using var response = await user.Client.SendRawAsync(operation.Method, path, body, mediaType ?? "application/json");
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{operationId} {description}: {(int)response.StatusCode}");
        }
    }

    private static IEnumerable<(string Description, string Path, string? Body, string? MediaType)> BadRequests(ApiContract.Operation operation, JsonNode definition)
    {
        var parameters = definition["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
        var pathParameters = parameters.Where(p => p["in"]!.GetValue<string>() == "path").Select(p => p["name"]!.GetValue<string>()).ToList();
        var validPath = PathWith(operation.Template, _ => UnknownId);
        var body = BodySchema(definition);
        var validBody = body is null ? null : "{}";
        var bodyMediaType = definition["requestBody"]?["content"]?.AsObject().First().Key;

        foreach (var name in pathParameters)
        {
            yield return ($"path {name} too long", PathWith(operation.Template, p => p == name ? new string('c', 2_000) : UnknownId), validBody, bodyMediaType);
        }

        foreach (var query in parameters.Where(p => p["in"]!.GetValue<string>() == "query"))
        {
            var name = query["name"]!.GetValue<string>();
            var schema = Resolve(query["schema"]!);
            var bad = schema["enum"] is not null ? ["not_a_value"]
                : schema["type"]?.ToString() == "integer" ? new[] { "0", "100000", "ten" }
                : new[] { new string('q', (schema["maxLength"]?.GetValue<int>() ?? 100) + 1) };
            foreach (var value in bad)
            {
                yield return ($"query {name}={value[..Math.Min(value.Length, 12)]}", $"{validPath}?{name}={Uri.EscapeDataString(value)}", validBody, bodyMediaType);
            }
        }

        if (body is null || bodyMediaType != "application/json")
        {
            yield break;
        }

        foreach (var notAnObject in new[] { "[]", "\"text\"", "null", "{", "" })
        {
            yield return ($"body {notAnObject}", validPath, notAnObject, bodyMediaType);
        }

        foreach (var (name, member) in Resolve(body)["properties"]?.AsObject() ?? [])
        {
            var wrong = WrongValue(Resolve(member!));
            if (wrong is not null)
            {
                yield return ($"body {name}: {wrong}", validPath, $"{{\"{name}\":{wrong}}}", bodyMediaType);
            }
        }
    }

    /// <summary>A JSON value of another type than the member's, or null when any type goes.</summary>
    private static string? WrongValue(JsonNode schema)
    {
        var type = schema["type"]?.ToJsonString() ?? (schema["enum"] is not null ? "\"string\"" : "");
        return type.Contains("string", StringComparison.Ordinal) ? "12345"
            : type.Contains("integer", StringComparison.Ordinal) || type.Contains("number", StringComparison.Ordinal) ? "\"ten\""
            : type.Contains("boolean", StringComparison.Ordinal) ? "\"yes\""
            : type.Contains("array", StringComparison.Ordinal) ? "{}"
            : null;
    }

    private static JsonNode? BodySchema(JsonNode definition) =>
        definition["requestBody"]?["content"]?.AsObject().First().Value?["schema"];

    /// <summary>The schema itself, or the component it refers to.</summary>
    private static JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? ApiContract.Document["components"]!["schemas"]![reference.Split('/')[^1]]!
            : schema;

    private static string PathWith(string template, Func<string, string> value) =>
        "api" + System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}", m => value(m.Groups[1].Value));
}
