using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace InFocus.Functions.Http;

/// <summary>
/// Failures of pages opened in a browser, as HTML pages that say what happened in plain words: never problem JSON,
/// never a stack trace. Server-side failures show the trace id, to quote when reporting them.
/// </summary>
public sealed class ErrorPages : IFailureResponses
{
    public static ErrorPages Instance { get; } = new();

    private ErrorPages()
    {
    }

    public ApiResult From(DomainException error, string traceId)
    {
        var details = error is ValidationException invalid
            ? invalid.Errors.SelectMany(field => field.Value.Select(message => $"{field.Key}: {message}")).ToList()
            : [];
        return Page(DomainErrors.StatusOf(error), error.Message, details, traceId).WithRetryAfter(DomainErrors.RetryAfterOf(error));
    }

    public ApiResult Status(int status, string detail, string traceId) => Page(status, detail, [], traceId);

    public ApiResult Unexpected(string traceId) => Page(
        StatusCodes.Status500InternalServerError,
        "InFocus could not finish this request. Please try again later.",
        [],
        traceId);

    private static ApiResult Page(int status, string detail, IReadOnlyList<string> details, string traceId)
    {
        var heading = Heading(status);
        var list = details.Count == 0
            ? SafeHtml.Empty
            : SafeHtml.Of($"<ul>{SafeHtml.Join(details.Select(d => SafeHtml.Of($"<li>{d}</li>")))}</ul>");
        var advice = status switch
        {
            StatusCodes.Status404NotFound => SafeHtml.Of($"<p>Check that the address is complete: open the link from the email again.</p>"),
            >= StatusCodes.Status500InternalServerError => SafeHtml.Of($"""<p class="muted">If this keeps happening, quote this reference: <code>{traceId}</code></p>"""),
            _ => SafeHtml.Empty,
        };
        return HtmlPage.Create(status, heading, SafeHtml.Of($"""
            <h1>{heading}</h1>
            <p>{detail}</p>
            {list}
            {advice}
            """));
    }

    private static string Heading(int status) => status switch
    {
        StatusCodes.Status404NotFound => "This link does not work",
        StatusCodes.Status410Gone => "This link can no longer be used",
        StatusCodes.Status429TooManyRequests => "Too many attempts",
        StatusCodes.Status503ServiceUnavailable => "InFocus is briefly unavailable",
        StatusCodes.Status500InternalServerError => "Something went wrong",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "The request failed",
    };
}
