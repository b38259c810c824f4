using System.Globalization;
using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace InFocus.Functions.Http;

/// <summary>Maps failures to RFC 9457 problem responses; the one place statuses for domain errors are decided.</summary>
public static class Problems
{
    public static ApiResult From(DomainException error, string traceId)
    {
        var status = error switch
        {
            ValidationException => StatusCodes.Status400BadRequest,
            AuthenticationException => StatusCodes.Status401Unauthorized,
            ForbiddenException => StatusCodes.Status403Forbidden,
            NotFoundException => StatusCodes.Status404NotFound,
            ConflictException => StatusCodes.Status409Conflict,
            GoneException => StatusCodes.Status410Gone,
            PreconditionFailedException => StatusCodes.Status412PreconditionFailed,
            TooManyRequestsException => StatusCodes.Status429TooManyRequests,
            DependencyUnavailableException => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };

        var problem = Create(status, error.Message, traceId) with
        {
            Errors = (error as ValidationException)?.Errors,
            Extensions = error.Extensions.Count == 0 ? null : new Dictionary<string, object?>(error.Extensions),
        };
        var result = new ApiResult(status, problem, ApiResult.ProblemJson);
        return error switch
        {
            AuthenticationException { InvalidToken: true } => result.WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""),
            AuthenticationException => result.WithHeader("WWW-Authenticate", "Bearer"),
            TooManyRequestsException limited => result.WithHeader("Retry-After", Seconds(limited.RetryAfter)),
            DependencyUnavailableException { RetryAfter: { } retryAfter } => result.WithHeader("Retry-After", Seconds(retryAfter)),
            _ => result,
        };
    }

    public static ApiResult Status(int status, string detail, string traceId) =>
        new(status, Create(status, detail, traceId), ApiResult.ProblemJson);

    public static ApiResult Unexpected(string traceId) => Status(
        StatusCodes.Status500InternalServerError,
        "The server failed to process the request. Quote the trace id when reporting it.",
        traceId);

    /// <summary>Problems are typed by their status alone (<c>about:blank</c>), so the title is the status phrase.</summary>
    private static Problem Create(int status, string detail, string traceId) =>
        new("about:blank", ReasonPhrases.GetReasonPhrase(status), status, detail) { TraceId = traceId };

    private static string Seconds(TimeSpan delay) =>
        Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
