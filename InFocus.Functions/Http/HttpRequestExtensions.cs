using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace InFocus.Functions.Http;

/// <summary>Request parsing every function shares: JSON bodies, paging and bounded query values.</summary>
public static class HttpRequestExtensions
{
    public static Task<T> ReadJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken, int maxBytes = RequestBody.DefaultMaxBytes)
        where T : class => RequestBody.ReadJsonAsync<T>(request, maxBytes, cancellationToken);

    /// <summary>The <c>limit</c> and <c>cursor</c> query parameters as a validated page request.</summary>
    public static PageRequest PageRequest(this HttpRequest request) =>
        Domain.Common.PageRequest.Create(request.Query["limit"].ToString(), request.Query["cursor"].ToString());

    /// <summary>An optional query value; longer than <paramref name="maxLength"/> is a 400 naming the parameter.</summary>
    public static string? QueryValue(this HttpRequest request, string name, int maxLength = 100)
    {
        var value = request.Query[name].ToString();
        if (value.Length > maxLength)
        {
            throw ValidationException.For(name, $"must be at most {maxLength} characters.");
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>An optional enum query value in its snake_case spelling (<c>?status=not_watched</c>).</summary>
    public static TEnum? QueryEnum<TEnum>(this HttpRequest request, string name)
        where TEnum : struct, Enum => SnakeCaseEnum<TEnum>.ParseOptional(name, request.QueryValue(name));

    public static string? UserAgent(this HttpRequest request)
    {
        var value = request.Headers.UserAgent.ToString();
        return value.Length == 0 ? null : value[..Math.Min(value.Length, FieldLimits.UserAgent)];
    }
}
