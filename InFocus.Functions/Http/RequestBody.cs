using System.Text;
using System.Text.Json;
using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace InFocus.Functions.Http;

/// <summary>Reads a JSON (or form) request body within a size limit; every way it can be wrong is a 4xx naming the problem.</summary>
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

    /// <summary>Form limit: an HTML form of a few short fields, with room for percent-encoding.</summary>
    public const int FormMaxBytes = 8 * 1024;

    private const int FormMaxFields = 16;
    private const int FormMaxNameLength = 64;

    /// <summary>
    /// Reads an HTML form's post (<c>application/x-www-form-urlencoded</c>, UTF-8) within a size limit, with
    /// bounded field count and name length; 415 for another content type, 413 beyond the limit, 400 for a malformed form.
    /// </summary>
    public static async Task<FormFields> ReadFormAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is not 0 && !IsForm(request.ContentType))
        {
            throw new UnsupportedMediaTypeException("The request body must be a form (Content-Type: application/x-www-form-urlencoded).");
        }

        if (request.ContentLength > maxBytes)
        {
            throw new PayloadTooLargeException(maxBytes);
        }

        var buffer = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        using var reader = new FormReader(new MemoryStream(buffer), Encoding.UTF8)
        {
            ValueCountLimit = FormMaxFields,
            KeyLengthLimit = FormMaxNameLength,
            ValueLengthLimit = maxBytes,
        };
        try
        {
            return new FormFields(await reader.ReadFormAsync(cancellationToken));
        }
        catch (InvalidDataException)
        {
            throw ValidationException.For("body", $"must be a form of at most {FormMaxFields} fields with names of at most {FormMaxNameLength} characters.");
        }
    }

    /// <summary>
    /// Copies an uploaded file's body into <paramref name="destination"/> within <paramref name="maxBytes"/> (413 beyond,
    /// whatever Content-Length claimed) and returns its media type, one of <paramref name="mediaTypes"/> (415 otherwise).
    /// </summary>
    public static async Task<string> CopyFileAsync(
        HttpRequest request, Stream destination, int maxBytes, IReadOnlyList<string> mediaTypes, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        if (mediaType is null || !mediaTypes.Contains(mediaType))
        {
            throw new UnsupportedMediaTypeException($"The request body must be a file of type {string.Join(", ", mediaTypes)}.");
        }

        if (request.ContentLength > maxBytes)
        {
            throw new PayloadTooLargeException(maxBytes);
        }

        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new PayloadTooLargeException(maxBytes);
            }

            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return mediaType;
    }

    private static bool IsForm(string? contentType) =>
        contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

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
