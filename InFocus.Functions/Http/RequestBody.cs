using System.Text.Json;
using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace InFocus.Functions.Http;

/// <summary>Reads a JSON request body within a size limit; every way it can be wrong is a 4xx naming the problem.</summary>
public static class RequestBody
{
    /// <summary>Default body limit: generous for any InFocus request, small enough to refuse abuse early.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    public static async Task<T> ReadJsonAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is > 0 && !IsJson(request.ContentType))
        {
            throw new UnsupportedMediaTypeException("The request body must be JSON (Content-Type: application/json).");
        }

        if (request.ContentLength > maxBytes)
        {
            throw new PayloadTooLargeException(maxBytes);
        }

        var buffer = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        if (buffer.Length == 0)
        {
            throw ValidationException.For("body", "A JSON request body is required.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer, InFocusJson.Options)
                ?? throw ValidationException.For("body", "must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            throw ValidationException.For(field, "is not valid JSON of the expected type.");
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]> ReadLimitedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                throw new PayloadTooLargeException(maxBytes);
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }
}

/// <summary>The body exceeded its limit (413).</summary>
public sealed class PayloadTooLargeException(int maxBytes)
    : Exception($"The request body must be at most {maxBytes} bytes.");

/// <summary>The body is not in a format the endpoint accepts (415).</summary>
public sealed class UnsupportedMediaTypeException(string message) : Exception(message);
