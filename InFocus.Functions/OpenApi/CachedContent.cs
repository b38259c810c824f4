using System.Security.Cryptography;
using System.Text;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace InFocus.Functions.OpenApi;

/// <summary>
/// A public response that changes only with a deployment (the contract, the reference page's script): sent with a
/// strong entity tag and cacheable by anyone; a request naming the current tag in <c>If-None-Match</c> gets 304.
/// </summary>
internal sealed class CachedContent(string text, string contentType)
{
    private readonly string _entityTag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32]}\"";

    public ApiResult ResultFor(HttpRequest request)
    {
        var result = IsCurrent(request) ? new ApiResult(StatusCodes.Status304NotModified) : new ApiResult(StatusCodes.Status200OK, text, contentType);
        return result.WithETag(_entityTag).WithHeader(HeaderNames.CacheControl, "public, max-age=300");
    }

    /// <summary>Whether <c>If-None-Match</c> names the current tag (weak comparison, RFC 9110 §13.1.2).</summary>
    private bool IsCurrent(HttpRequest request) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(_entityTag), useStrongComparison: false));
}
