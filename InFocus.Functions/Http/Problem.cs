using System.Text.Json.Serialization;

namespace InFocus.Functions.Http;

/// <summary>An RFC 9457 problem details body.</summary>
public sealed record Problem(
    [property: JsonPropertyOrder(-5)] string Type,
    [property: JsonPropertyOrder(-4)] string Title,
    [property: JsonPropertyOrder(-3)] int Status,
    [property: JsonPropertyOrder(-2)] string? Detail)
{
    [JsonPropertyOrder(-1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Instance { get; init; }

    /// <summary>Field-level validation errors, keyed by the request's JSON member name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TraceId { get; init; }

    [JsonExtensionData]
    public IDictionary<string, object?>? Extensions { get; init; }
}
