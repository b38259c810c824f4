using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace InFocus.Functions.Http;

/// <summary>Failures of the JSON API as RFC 9457 problem responses (<c>application/problem+json</c>).</summary>
public sealed class Problems : IFailureResponses
{
    public static Problems Instance { get; } = new();

    private Problems()
    {
    }

    public ApiResult From(DomainException error, string traceId)
    {
        var status = DomainErrors.StatusOf(error);
        var problem = Create(status, error.Message, traceId) with
        {
            Errors = (error as ValidationException)?.Errors,
            Extensions = error.Extensions.Count == 0 ? null : new Dictionary<string, object?>(error.Extensions),
        };
        var result = new ApiResult(status, problem, ApiResult.ProblemJson).WithRetryAfter(DomainErrors.RetryAfterOf(error));
        return error switch
        {
            AuthenticationException { InvalidToken: true } => result.WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\""),
            AuthenticationException => result.WithHeader("WWW-Authenticate", "Bearer"),
            _ => result,
        };
    }

    public ApiResult Status(int status, string detail, string traceId) =>
        new(status, Create(status, detail, traceId), ApiResult.ProblemJson);

    public ApiResult Unexpected(string traceId) => Status(
        StatusCodes.Status500InternalServerError,
        "The server failed to process the request. Quote the trace id when reporting it.",
        traceId);

    /// <summary>Problems are typed by their status alone (<c>about:blank</c>), so the title is the status phrase.</summary>
    private static Problem Create(int status, string detail, string traceId) =>
        new("about:blank", ReasonPhrases.GetReasonPhrase(status), status, detail) { TraceId = traceId };
}
