using System.Globalization;

namespace InFocus.Domain.Common;

/// <summary>Strong HTTP entity tags made from a row version (PostgreSQL's <c>xmin</c>): <c>"&lt;version&gt;"</c>.</summary>
public static class EntityTag
{
    public static string From(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}

/// <summary>
/// An <c>If-Match</c> precondition: <c>*</c> (the resource exists in any version) or a list of strong entity tags,
/// one of which must be the current one. A weak tag never matches (RFC 9110 compares If-Match strongly).
/// </summary>
public sealed class IfMatch
{
    private readonly HashSet<string> _tags;

    private IfMatch(bool any, IEnumerable<string> tags)
    {
        IsAny = any;
        _tags = new HashSet<string>(tags, StringComparer.Ordinal);
    }

    public static IfMatch Any { get; } = new(any: true, []);

    public bool IsAny { get; }

    public static IfMatch AnyOf(IEnumerable<string> strongTags) => new(any: false, strongTags);

    public bool Matches(string currentTag) => IsAny || _tags.Contains(currentTag);

    /// <summary>Throws <see cref="PreconditionFailedException"/> (412) unless the current tag matches.</summary>
    public void Require(string currentTag, string resource)
    {
        if (!Matches(currentTag))
        {
            throw Failed(resource);
        }
    }

    /// <summary>The 412 for a resource that changed since the client read it.</summary>
    public static PreconditionFailedException Failed(string resource) =>
        new($"{resource} has changed since you read it: read it again and reapply your change.");
}
