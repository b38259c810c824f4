using InFocus.DevHost.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.DevHost.Http;

/// <summary>
/// Serves HTTP-triggered functions as the worker's ASP.NET Core integration does: one endpoint per function on its
/// route under the route prefix, its methods enforced by routing (405 with <c>Allow</c> otherwise), the function called
/// with the request's services and its <see cref="IActionResult"/> executed against the request.
/// </summary>
public static partial class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        foreach (var (function, trigger) in catalog.WithTrigger<HttpTrigger>())
        {
            var endpoint = endpoints.Map(trigger.Route, context => InvokeAsync(context, function, trigger)).WithDisplayName(function.Name);
            if (trigger.Methods.Count > 0)
            {
                endpoint.WithMetadata(new HttpMethodMetadata(trigger.Methods));
            }
        }

        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext context, FunctionDescriptor function, HttpTrigger trigger)
    {
        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        object? result;
        try
        {
            result = await invoker.InvokeAsync(function, context.RequestServices, context, $"HTTP {context.Request.Method} {trigger.Template}", context.RequestAborted);
        }
        catch (Exception)
        {
            // Logged by the invoker. Like the host, the client learns nothing but the status.
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            return;
        }

        if (result is IActionResult action)
        {
            await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        }
        else
        {
            LogNoResponse(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Function." + function.Name), function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function '{Function}' returned no IActionResult; the response is empty")]
    private static partial void LogNoResponse(ILogger logger, string function);
}
