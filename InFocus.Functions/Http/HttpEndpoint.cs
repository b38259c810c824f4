using System.Diagnostics;
using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Logging;

namespace InFocus.Functions.Http;

/// <summary>
/// The call path every HTTP function runs its body through: a logging scope naming the function and trace,
/// domain errors mapped to error responses, the database being unavailable a 503 (a read is retried first, see
/// <see cref="TransientDatabaseFailures"/>), unexpected failures logged and hidden behind a 500, and one
/// completion log line. It lives in the function's own code so the Functions host and the development host
/// behave identically (no worker middleware involved). Failures are problem details for the JSON API; pages for
/// browsers run the same path through <see cref="HtmlPageEndpoint"/>, which writes them as HTML.
/// </summary>
public sealed partial class HttpEndpoint(ILogger<HttpEndpoint> logger)
{
    public Task<IActionResult> RunAsync(HttpRequest request, string function, Func<CancellationToken, Task<IActionResult>> handle) =>
        RunAsync(request, function, Problems.Instance, handle);

    /// <summary>The same call path, with failures written by <paramref name="failures"/>.</summary>
    public async Task<IActionResult> RunAsync(
        HttpRequest request, string function, IFailureResponses failures, Func<CancellationToken, Task<IActionResult>> handle)
    {
        var traceId = Activity.Current?.TraceId.ToHexString() ?? request.HttpContext.TraceIdentifier;
        var cancellationToken = request.HttpContext.RequestAborted;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Function"] = function, ["TraceId"] = traceId });
        var started = Stopwatch.GetTimestamp();
        Func<CancellationToken, Task<IActionResult>> body = TransientDatabaseFailures.IsSafe(request)
            ? ct => TransientDatabaseFailures.RetryAsync(handle, ct)
            : handle;
        var result = await InvokeAsync(body, failures, traceId, cancellationToken);
        LogCompleted(logger, function, StatusOf(result), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private async Task<IActionResult> InvokeAsync(
        Func<CancellationToken, Task<IActionResult>> handle, IFailureResponses failures, string traceId, CancellationToken cancellationToken)
    {
        try
        {
            return await handle(cancellationToken);
        }
        catch (DomainException e)
        {
            return failures.From(e, traceId);
        }
        catch (PayloadTooLargeException e)
        {
            return failures.Status(StatusCodes.Status413PayloadTooLarge, e.Message, traceId);
        }
        catch (UnsupportedMediaTypeException e)
        {
            return failures.Status(StatusCodes.Status415UnsupportedMediaType, e.Message, traceId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return failures.Status(StatusCodes.Status499ClientClosedRequest, "The client closed the request.", traceId);
        }
        catch (Exception e) when (TransientDatabaseFailures.IsTransient(e))
        {
            LogDatabaseUnavailable(logger, e.GetBaseException().Message);
            return failures.From(
                new DependencyUnavailableException("The database is temporarily unavailable.", TransientDatabaseFailures.RetryAfter), traceId);
        }
        catch (Exception e)
        {
            LogUnexpected(logger, e);
            return failures.Unexpected(traceId);
        }
    }

    private static int StatusOf(IActionResult result) => result switch
    {
        ApiResult api => api.StatusCode,
        IStatusCodeActionResult { StatusCode: { } status } => status,
        _ => StatusCodes.Status200OK,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} answered {Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogCompleted(ILogger logger, string function, int status, double elapsedMs);

    // An outage is not a bug: one line saying why, without the stack trace.
    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable: {Reason}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
