using InFocus.Domain.Common;

namespace InFocus.Functions.Http;

/// <summary>
/// How a call path writes its failures: problem details for the JSON API (<see cref="Problems"/>), HTML pages for the
/// pages people open in a browser (<see cref="ErrorPages"/>). Which status a failure gets is decided once, in
/// <see cref="DomainErrors"/> and <see cref="HttpEndpoint"/>, whatever the format.
/// </summary>
public interface IFailureResponses
{
    /// <summary>A domain error, with the status and headers <see cref="DomainErrors"/> give it.</summary>
    ApiResult From(DomainException error, string traceId);

    /// <summary>A failure the call path recognized itself (413, 415, 499), with its explanation.</summary>
    ApiResult Status(int status, string detail, string traceId);

    /// <summary>A bug: no details, only the trace id to quote.</summary>
    ApiResult Unexpected(string traceId);
}
