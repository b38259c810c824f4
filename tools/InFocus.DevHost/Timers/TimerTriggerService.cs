using InFocus.DevHost.Functions;
using Microsoft.Extensions.Hosting;

namespace InFocus.DevHost.Timers;

/// <summary>
/// Fires timer functions on their NCRONTAB schedules in UTC, after a first run when <c>runOnStartup</c> is set. A run
/// that overlaps the next occurrence makes the schedule skip it, as the host does; failures are logged and the
/// schedule goes on.
/// </summary>
public sealed class TimerTriggerService(FunctionCatalog catalog, TimerFunctionRunner runner, TimeProvider time) : BackgroundService
{
    // Task.Delay accepts at most ~49 days; a yearly schedule waits in steps.
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.WithTrigger<TimerTrigger>().Select(t => RunScheduleAsync(t.Function, t.Trigger, stoppingToken)));

    private async Task RunScheduleAsync(FunctionDescriptor function, TimerTrigger trigger, CancellationToken stoppingToken)
    {
        if (trigger.RunOnStartup)
        {
            await RunAsync(function, trigger, "Timer run on startup (runOnStartup)", stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var due = trigger.Schedule.GetNextOccurrence(time.GetUtcNow().UtcDateTime);
            if (!await DelayUntilAsync(due, stoppingToken))
            {
                return;
            }

            await RunAsync(function, trigger, $"Timer fired at {due:yyyy-MM-dd'T'HH:mm:ss'Z'}", stoppingToken);
        }
    }

    private async Task RunAsync(FunctionDescriptor function, TimerTrigger trigger, string reason, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(function, trigger, reason, stoppingToken);
        }
        catch (Exception)
        {
            // Logged by the invoker (or the host is stopping); the next occurrence runs as scheduled.
        }
    }

    private async Task<bool> DelayUntilAsync(DateTime dueUtc, CancellationToken stoppingToken)
    {
        try
        {
            for (var remaining = dueUtc - time.GetUtcNow().UtcDateTime; remaining > TimeSpan.Zero; remaining = dueUtc - time.GetUtcNow().UtcDateTime)
            {
                await Task.Delay(remaining < LongestDelay ? remaining : LongestDelay, time, stoppingToken);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
