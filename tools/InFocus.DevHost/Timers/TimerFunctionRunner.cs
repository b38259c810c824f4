using System.Collections.Concurrent;
using InFocus.DevHost.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.DevHost.Timers;

/// <summary>
/// Runs a timer function with the <see cref="TimerInfo"/> the host passes, one run at a time per function whether the
/// schedule, <c>runOnStartup</c> or the admin API asked for it (the host never overlaps runs of a timer function).
/// </summary>
public sealed class TimerFunctionRunner(FunctionInvoker invoker, IServiceScopeFactory scopes, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TimerState> _states = new(StringComparer.OrdinalIgnoreCase);

    public async Task RunAsync(FunctionDescriptor function, TimerTrigger trigger, string reason, CancellationToken cancellationToken)
    {
        var state = _states.GetOrAdd(function.Name, _ => new TimerState());
        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var timer = new TimerInfo
            {
                IsPastDue = false,
                ScheduleStatus = new ScheduleStatus { Last = state.LastRun ?? DateTime.MinValue, Next = trigger.Schedule.GetNextOccurrence(now), LastUpdated = now },
            };
            state.LastRun = now;
            await invoker.InvokeInNewScopeAsync(function, scopes, timer, reason, cancellationToken);
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private sealed class TimerState
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTime? LastRun { get; set; }
    }
}
