using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InFocus.DevHost.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InFocus.DevHost.Admin;

/// <summary>
/// <c>POST /admin/functions/{name}</c> with <c>{"input": "..."}</c>: runs a timer or queue function now and answers
/// 202, like the Functions host. Loopback callers only (403 otherwise), with the host's admin key in
/// <c>x-functions-key</c> (401 otherwise; a new random key each start, printed in the banner), and
/// <c>Content-Type: application/json</c> (415 otherwise), so a web page cannot make a browser call it: a cross-site
/// <c>fetch</c> may send only "simple" content types and no custom header without a preflight this API never grants.
/// Development-host extension: with <c>Prefer: wait=N</c> (RFC 7240) the answer waits up to N seconds for the run and
/// is 200 (succeeded) or 500 (failed) with the outcome, or still 202 if the run takes longer.
/// </summary>
public static partial class AdminEndpoints
{
    public const string InvokeRoute = "/admin/functions/{name}";
    public const string KeyHeader = "x-functions-key";
    private const int MaxWaitSeconds = 300;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(InvokeRoute, InvokeAsync).WithDisplayName("Admin: invoke a function");
        return endpoints;
    }

    /// <summary>True for a loopback peer, including IPv4 loopback seen through a dual-stack socket.</summary>
    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static async Task<IResult> InvokeAsync(
        string name, HttpContext context, FunctionCatalog catalog, AdminInvocations invocations, AdminApiKey key)
    {
        if (!IsLoopback(context.Connection.RemoteIpAddress))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "The admin API answers loopback callers only.");
        }

        if (!key.Matches(context.Request.Headers[KeyHeader].ToString()))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                detail: $"The admin API needs the host's admin key (printed when it starts) in the {KeyHeader} header.");
        }

        if (!context.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "The body must be application/json.");
        }

        var request = await ReadRequestAsync(context);
        if (request is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: """The body must be a JSON object such as {"input": "..."}.""");
        }

        var function = catalog.Find(name);
        if (function is null)
        {
            return TypedResults.NotFound();
        }

        if (function.IsHttp)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: $"'{function.Name}' is an HTTP function: call its route instead.");
        }

        var run = invocations.Start(function, request.Input);
        if (PreferredWait(context.Request) is not { } wait)
        {
            return TypedResults.Accepted((string?)null);
        }

        context.Response.Headers["Preference-Applied"] = $"wait={(int)wait.TotalSeconds}";
        if (await Task.WhenAny(run, Task.Delay(wait, context.RequestAborted)) != run)
        {
            return TypedResults.Accepted((string?)null);
        }

        var outcome = await run;
        return TypedResults.Json(outcome, statusCode: outcome.IsSuccess ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
    }

    private static async Task<InvocationRequest?> ReadRequestAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<InvocationRequest>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? PreferredWait(HttpRequest request)
    {
        var match = WaitPreference().Match(request.Headers["Prefer"].ToString());
        return match.Success && int.TryParse(match.Groups["seconds"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(Math.Min(seconds, MaxWaitSeconds))
            : null;
    }

    [GeneratedRegex(@"(^|[,;\s])wait\s*=\s*(?<seconds>\d{1,6})\b", RegexOptions.IgnoreCase)]
    private static partial Regex WaitPreference();

    private sealed record InvocationRequest(string? Input);
}
