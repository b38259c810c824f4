using System.Security.Cryptography;
using System.Text;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.OpenApi;

/// <summary>
/// GET /api/docs: the API reference, the contract rendered by Scalar's API reference (vendored from npm at build time
/// into the build output as <c>api-reference/scalar.js</c>, see tools/api-reference). The page loads only its script
/// and the contract from this host, and its "try it" calls this host: its content security policy allows nothing else.
/// </summary>
public sealed class ApiReferenceFunction(HttpEndpoint endpoint)
{
    public const string Name = "ApiReference";

    // Relative to /api/docs: the contract at /api/openapi.json, the script at /api/docs/scalar.js.
    private const string Configure = """
        Scalar.createApiReference('#reference', {
          url: 'openapi.json',
          withDefaultFonts: false,
          telemetry: false,
          hideClientButton: true,
          defaultOpenAllTags: true,
          persistAuth: false,
          showDeveloperTools: 'never',
          agent: { disabled: true },
          mcp: { disabled: true },
        })
        """;

    private static readonly string Page = $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>InFocus API reference</title>
        <link rel="icon" href="data:,">
        </head>
        <body>
        <div id="reference"></div>
        <script src="docs/{ApiReferenceAssetFunction.Script}"></script>
        <script>{Configure}</script>
        </body>
        </html>
        """;

    private static readonly string ContentSecurityPolicy =
        $"default-src 'self'; script-src 'self' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Configure)))}'; "
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    [Function(Name)]
    [Summary("The API reference: this contract as a page, with try it against this host")]
    [Returns(200, MediaType = "text/html")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request) =>
        endpoint.RunAsync(request, Name, _ => Task.FromResult<IActionResult>(
            new ApiResult(StatusCodes.Status200OK, Page, ApiResult.Html)
                .WithHeader("Content-Security-Policy", ContentSecurityPolicy)
                .WithHeader("X-Content-Type-Options", "nosniff")
                .WithHeader("Referrer-Policy", "no-referrer")));
}

/// <summary>The reference page's vendored script, from the build output.</summary>
public sealed class ApiReferenceAssetFunction(HttpEndpoint endpoint)
{
    public const string Name = "ApiReferenceAsset";

    public const string Script = "scalar.js";

    private static readonly Lazy<CachedContent?> Content = new(() =>
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(ApiReferenceAssetFunction).Assembly.Location)!, "api-reference", Script);
        return File.Exists(path) ? new CachedContent(File.ReadAllText(path), "text/javascript; charset=utf-8") : null;
    });

    [Function(Name)]
    [Summary("The reference page's script (Scalar API reference, vendored at build time)")]
    [RequestHeader("If-None-Match", "The ETag of a copy the client has; 304 while it is current.")]
    [Returns(200, MediaType = "text/javascript", ETag = true)]
    [Returns(304, Description = "Not modified: the copy the client has is current", ETag = true)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{asset}")] HttpRequest request, string asset) =>
        endpoint.RunAsync(request, Name, _ => asset == Script && Content.Value is { } content
            ? Task.FromResult<IActionResult>(content.ResultFor(request))
            : throw new NotFoundException("The file"));
}
