using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InFocus.DevHost.Functions;

/// <summary>
/// Runs one invocation the way the worker does: a new instance of the function class from the invocation's DI scope
/// (<see cref="ActivatorUtilities"/>), arguments bound from the trigger, the method awaited. Logs the host's
/// "Executing"/"Executed" lines inside a scope naming the function and invocation. Exceptions are logged and rethrown: a failure at
/// error level with its stack trace, a cancellation (the host stopping) as a warning without one.
/// </summary>
public sealed partial class FunctionInvoker(ILoggerFactory loggerFactory)
{
    /// <summary>Invokes with the services of an existing scope (an HTTP request's).</summary>
    public async Task<object?> InvokeAsync(
        FunctionDescriptor function, IServiceProvider services, object triggerValue, string reason, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("Function." + function.Name);
        var invocationId = Guid.NewGuid();
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["FunctionName"] = function.Name, ["InvocationId"] = invocationId });
        LogExecuting(logger, function.Name, reason, invocationId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.Method.DeclaringType!);
            var arguments = function.Arguments.Select(bind => bind(triggerValue, cancellationToken)).ToArray();
            var returned = function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            if (returned is Task task)
            {
                await task;
                returned = function.TaskResult?.GetValue(task);
            }

            LogSucceeded(logger, function.Name, invocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return returned;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping (or the caller gave up): expected, so no error and no stack trace; a queue message
            // comes back after its visibility timeout.
            LogCancelled(logger, function.Name, invocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception e)
        {
            LogFailed(logger, function.Name, invocationId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e);
            throw;
        }
    }

    /// <summary>Invokes in a new DI scope of its own, as a timer or queue invocation gets.</summary>
    public async Task<object?> InvokeInNewScopeAsync(
        FunctionDescriptor function, IServiceScopeFactory scopes, object triggerValue, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await InvokeAsync(function, scope.ServiceProvider, triggerValue, reason, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executing 'Functions.{Function}' (Reason='{Reason}', Id={InvocationId})")]
    private static partial void LogExecuting(ILogger logger, string function, string reason, Guid invocationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed 'Functions.{Function}' (Succeeded, Id={InvocationId}, Duration={DurationMs:0}ms)")]
    private static partial void LogSucceeded(ILogger logger, string function, Guid invocationId, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Executed 'Functions.{Function}' (Cancelled, Id={InvocationId}, Duration={DurationMs:0}ms)")]
    private static partial void LogCancelled(ILogger logger, string function, Guid invocationId, double durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Executed 'Functions.{Function}' (Failed, Id={InvocationId}, Duration={DurationMs:0}ms)")]
    private static partial void LogFailed(ILogger logger, string function, Guid invocationId, double durationMs, Exception exception);
}
