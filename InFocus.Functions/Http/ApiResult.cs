using System.Globalization;
using System.Text.Json;
using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InFocus.Functions.Http;

/// <summary>
/// An HTTP response that writes itself: status, headers and an optional body, JSON in the InFocus dialect or text
/// (an HTML page). It needs nothing from MVC, so it behaves the same under the Functions host and the development host.
/// </summary>
public sealed class ApiResult(int statusCode, object? body = null, string contentType = ApiResult.Json) : IActionResult
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";
    public const string Html = "text/html; charset=utf-8";

    public int StatusCode { get; } = statusCode;

    public object? Body { get; } = body;

    public string ContentType { get; } = contentType;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ApiResult WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    /// <summary>Adds <c>Retry-After</c> in whole seconds (at least 1) when there is a delay to announce.</summary>
    public ApiResult WithRetryAfter(TimeSpan? delay) => delay is { } wait
        ? WithHeader("Retry-After", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
        : this;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is null)
        {
            return;
        }

        response.ContentType = ContentType;
        if (Body is byte[] bytes)
        {
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
            return;
        }

        if (Body is string text)
        {
            await response.WriteAsync(text, context.HttpContext.RequestAborted);
            return;
        }

        await JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), InFocusJson.Options, context.HttpContext.RequestAborted);
    }

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body);

    public static ApiResult Created(object body, string? location = null)
    {
        var result = new ApiResult(StatusCodes.Status201Created, body);
        return location is null ? result : result.WithHeader("Location", location);
    }

    public static ApiResult Accepted(object body) => new(StatusCodes.Status202Accepted, body);

    /// <summary>A file to download (<c>Content-Disposition: attachment</c>).</summary>
    public static ApiResult File(byte[] content, string contentType, string fileName) =>
        new ApiResult(StatusCodes.Status200OK, content, contentType).WithHeader("Content-Disposition", $"attachment; filename=\"{fileName}\"");

    public static ApiResult NoContent() => new(StatusCodes.Status204NoContent);

    public static ApiResult Page<T>(Page<T> page) => Ok(page);
}
