using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace InFocus.Functions.Http;

/// <summary>Entity tags on responses and the <c>If-Match</c> precondition of requests (RFC 9110 §8.8.3, §13.1.1).</summary>
public static class ConditionalRequests
{
    /// <summary>The request's <c>If-Match</c> precondition, or null when it sends none; a malformed one is a 400.</summary>
    public static IfMatch? IfMatch(this HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return null;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(values, out var tags) || tags.Count == 0)
        {
            // Header names are case-insensitive; lower case survives the camelCase policy of the errors' keys.
            throw ValidationException.For("if-match", "must be * or a list of entity tags such as \"42\".");
        }

        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any))
            ? Domain.Common.IfMatch.Any
            : Domain.Common.IfMatch.AnyOf(tags.Where(t => !t.IsWeak).Select(t => t.Tag.ToString()));
    }

    public static ApiResult WithETag(this ApiResult result, string entityTag) => result.WithHeader(HeaderNames.ETag, entityTag);
}
