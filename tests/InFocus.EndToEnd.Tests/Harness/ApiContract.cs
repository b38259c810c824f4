using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InFocus.Functions.OpenApi;
using Json.Schema;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// The API contract (the document GET /api/openapi.json serves) as the end-to-end tests check it: every response a
/// test client receives from an operation must have a documented status, a documented media type, the documented
/// headers and a body valid against the documented schema (<see cref="ContractCheckingHandler"/>). What was seen is
/// kept in <see cref="Seen"/>, to compare with what is documented.
/// </summary>
public static partial class ApiContract
{
    private const string PathPrefix = "/api";

    private static readonly Lazy<JsonObject> LazyDocument = new(() =>
        JsonNode.Parse(ApiDescription.ToJson(ApiDescription.Build()))!.AsObject());

    private static readonly Lazy<IReadOnlyList<Operation>> LazyOperations = new(ReadOperations);

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Operation id and status of every response the test clients received.</summary>
    public static ConcurrentDictionary<(string OperationId, int Status), bool> Seen { get; } = new();

    public static JsonObject Document => LazyDocument.Value;

    /// <summary>
    /// Every documented (operation, status) pair; a response shared by several operations (a <c>$ref</c> to
    /// <c>components/responses</c>, as the outage 503) is one pair of its reference, produced once any of them answered it.
    /// </summary>
    public static IEnumerable<(string OperationId, int Status)> Documented =>
        Operations
            .SelectMany(o => o.Responses.Select(r => (Id: SharedReference(r.Value) ?? o.Id, Status: int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture))))
            .Distinct();

    public static IReadOnlyList<Operation> Operations => LazyOperations.Value;

    /// <summary>The operation a request went to, or null for paths the contract does not describe (the admin API, unknown routes).</summary>
    public static Operation? Find(HttpMethod method, string absolutePath) =>
        absolutePath.StartsWith(PathPrefix + "/", StringComparison.Ordinal)
            ? Operations.FirstOrDefault(o => o.Method == method.Method && o.Pattern.IsMatch(absolutePath[PathPrefix.Length..]))
            : null;

    /// <summary>The contract's violations by <paramref name="response"/> (whose content must be buffered), empty when it keeps it.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(Operation operation, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        Seen.TryAdd((operation.Id, status), true);
        if (operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject documented)
        {
            return [$"status {status} is not documented (documented: {string.Join(", ", operation.Responses.Select(r => r.Key))})"];
        }

        if (SharedReference(documented) is { } reference)
        {
            Seen.TryAdd((reference, status), true);
            documented = Document["components"]!["responses"]![reference["#/components/responses/".Length..]]!.AsObject();
        }

        var violations = new List<string>();
        foreach (var (name, header) in documented["headers"]?.AsObject() ?? [])
        {
            if (header?["required"]?.GetValue<bool>() == true && !response.Headers.NonValidated.Contains(name) && !response.Content.Headers.NonValidated.Contains(name))
            {
                violations.Add($"the required header {name} is missing");
            }
        }

        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (documented["content"] is not JsonObject content)
        {
            if (body.Length > 0)
            {
                violations.Add($"a body ({mediaType}) where none is documented");
            }

            return violations;
        }

        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            violations.Add($"media type {mediaType ?? "(none)"} is not documented (documented: {string.Join(", ", content.Select(c => c.Key))})");
            return violations;
        }

        if (mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            using var instance = JsonDocument.Parse(body);
            var results = SchemaFor($"{operation.Id} {status} {mediaType}", media["schema"]!).Evaluate(instance.RootElement, Evaluation);
            if (!results.IsValid)
            {
                violations.AddRange((results.Details ?? [])
                    .Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"body at '{d.InstanceLocation}': {e.Value} ({d.EvaluationPath})"))
                    .DefaultIfEmpty("the body does not match its schema"));
            }
        }

        return violations;
    }

    /// <summary>
    /// A JSON Schema (2020-12, the dialect of OpenAPI 3.1) of one response body, with the document's component
    /// schemas as its <c>$defs</c>.
    /// </summary>
    private static JsonSchema SchemaFor(string key, JsonNode schema) => Schemas.GetOrAdd(key, _ =>
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    });

    /// <summary>The <c>$ref</c> of a response that points at a shared one, or null for a response of its own.</summary>
    private static string? SharedReference(JsonNode? response) => response?["$ref"]?.GetValue<string>();

    private static List<Operation> ReadOperations() =>
        Document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => new Operation(
                op.Value!["operationId"]!.GetValue<string>(),
                op.Key.ToUpperInvariant(),
                path.Key,
                new Regex("^" + PathParameter().Replace(Regex.Escape(path.Key).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$"),
                op.Value!["responses"]!.AsObject())))
            // A literal segment wins over a parameter: /watchlist/stats is not /watchlist/{id}.
            .OrderBy(o => o.Template.Count(c => c == '{'))
            .ToList();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex PathParameter();

    public sealed record Operation(string Id, string Method, string Template, Regex Pattern, JsonObject Responses);
}

/// <summary>Fails a test's request when the response breaks the API contract (see <see cref="ApiContract"/>).</summary>
public sealed class ContractCheckingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (ApiContract.Find(request.Method, request.RequestUri!.AbsolutePath) is { } operation)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var violations = await ApiContract.ViolationsAsync(operation, response);
            if (violations.Count > 0)
            {
                throw new ContractViolationException(
                    $"{request.Method} {request.RequestUri.PathAndQuery} ({operation.Id}) answered {(int)response.StatusCode} against the API contract:\n  "
                    + string.Join("\n  ", violations));
            }
        }

        return response;
    }
}

public sealed class ContractViolationException(string message) : Exception(message);
