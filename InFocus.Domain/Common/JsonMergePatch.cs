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
    /// True when every key and string value of <paramref name="element"/> can be stored in PostgreSQL (jsonb, text):
    /// no U+0000 and no unpaired surrogate. JSON escapes (<c>\u0000</c>, <c>\ud800</c>) can express both.
    /// </summary>
    public static bool HasStorableText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().All(p => IsStorable(() => p.Name) && HasStorableText(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(HasStorableText),
        JsonValueKind.String => IsStorable(element.GetString),
        _ => true,
    };

    private static bool IsStorable(Func<string?> read)
    {
        try
        {
            return read()?.Contains('\0', StringComparison.Ordinal) != true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode an unpaired surrogate.
            return false;
        }
    }
}
