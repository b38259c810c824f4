using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Serialization;
using InFocus.DevHost.Functions;
using InFocus.DevHost.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InFocus.DevHost.Admin;

/// <summary>
/// Runs non-HTTP functions on demand, detached from the request that asked (as the host's admin API does): a timer
/// function through its schedule's one-at-a-time gate, a queue function with the input as its message (no queue
/// involved). Shutdown waits for runs in progress.
/// </summary>
public sealed class AdminInvocations(
    FunctionInvoker invoker, TimerFunctionRunner timers, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime) : IHostedService
{
    private const string Reason = "This function was programmatically called via the host APIs.";

    private readonly ConcurrentDictionary<Task<InvocationOutcome>, byte> _running = new();

    public Task<InvocationOutcome> Start(FunctionDescriptor function, string? input)
    {
        Task<InvocationOutcome> run;
        using (ExecutionContext.SuppressFlow())
        {
            run = Task.Run(() => RunAsync(function, input));
        }

        _running.TryAdd(run, 0);
        run.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return run;
    }

    private async Task<InvocationOutcome> RunAsync(FunctionDescriptor function, string? input)
    {
        var started = Stopwatch.GetTimestamp();
        var stopping = lifetime.ApplicationStopping;
        try
        {
            await (function.Trigger switch
            {
                TimerTrigger timer => timers.RunAsync(function, timer, Reason, stopping),
                _ => invoker.InvokeInNewScopeAsync(function, scopes, input ?? "", Reason, stopping),
            });
            return InvocationOutcome.Succeeded(function.Name, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            return InvocationOutcome.Failed(function.Name, Stopwatch.GetElapsedTime(started), e);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
}

/// <summary>How an admin-started run ended; the error is the exception's type only (details are in the host log).</summary>
public sealed record InvocationOutcome(string Function, string Status, double DurationMs, string? Error)
{
    public static InvocationOutcome Succeeded(string function, TimeSpan duration) => new(function, "Succeeded", Milliseconds(duration), null);

    public static InvocationOutcome Failed(string function, TimeSpan duration, Exception error) =>
        new(function, "Failed", Milliseconds(duration), error.GetType().FullName);

    [JsonIgnore]
    public bool IsSuccess => Error is null;

    private static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 1);
}
