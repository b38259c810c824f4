using System.Text.Json;
using System.Text.Json.Nodes;

namespace InFocus.Domain.Common;

/// <summary>JSON Merge Patch (RFC 7396) and the shape checks a stored JSON document needs.</summary>
public static class JsonMergePatch
{
    /// <summary>
    /// Applies <paramref name="patch"/> to <paramref name="target"/> as RFC 7396 section 2 defines: an object patch
    /// merges member by member (a null member removes it), anything else replaces the target.
    /// </summary>
    public static JsonNode? Apply(JsonNode? target, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return JsonNode.Parse(patch.GetRawText());
        }

        var result = target as JsonObject ?? [];
        foreach (var member in patch.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                result.Remove(member.Name);
                continue;
            }

            var existing = result[member.Name];
            var merged = Apply(existing, member.Value);
            if (!ReferenceEquals(merged, existing))
            {
                result[member.Name] = merged;
            }
        }

        return result;
    }

    /// <summary>Nesting depth: a scalar is 0, an empty object or array 1, each level of nesting one more.</summary>
    public static int Depth(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray a => 1 + a.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    /// <summary>
    /// True when a key or string value holds U+0000, which PostgreSQL's jsonb (and text) cannot store.
    /// </summary>
    public static bool ContainsNul(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => p.Key.Contains('\0', StringComparison.Ordinal) || ContainsNul(p.Value)),
        JsonArray a => a.Any(ContainsNul),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Contains('\0', StringComparison.Ordinal),
        _ => false,
    };
}
