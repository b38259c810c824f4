using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InFocus.Functions.Http;

/// <summary>
/// <see cref="HttpEndpoint"/> for server-rendered pages that people open in a browser: the same logging scope, error
/// classification and completion line (the function name, never the path, which may carry a token), but every failure
/// is an HTML page (<see cref="ErrorPages"/>). Bodies build their pages with <see cref="HtmlPage"/>, so every response,
/// failure or not, carries the pages' security headers.
/// </summary>
public sealed class HtmlPageEndpoint(HttpEndpoint endpoint)
{
    public Task<IActionResult> RunAsync(HttpRequest request, string function, Func<CancellationToken, Task<ApiResult>> handle) =>
        endpoint.RunAsync(request, function, ErrorPages.Instance, async cancellationToken => await handle(cancellationToken));
}
