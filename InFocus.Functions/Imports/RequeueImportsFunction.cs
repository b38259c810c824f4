using InFocus.Domain.Imports;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Imports;

/// <summary>
/// Every 5 minutes: imports whose queue message never left, or whose run died or went to the poison queue, get one
/// (<see cref="ImportSweep"/>).
/// </summary>
public sealed class RequeueImportsFunction(ImportSweep sweep)
{
    public const string Name = "RequeueImports";

    /// <summary>Long enough for an upload to get from its commit to its queue write.</summary>
    private static readonly TimeSpan QueuedGrace = TimeSpan.FromMinutes(2);

    /// <summary>Longer than the host's own retries of a failed message (maxDequeueCount × visibilityTimeout, host.json) and a dead run's lease.</summary>
    private static readonly TimeSpan RunningGrace = TimeSpan.FromMinutes(10);

    [Function(Name)]
    public Task RunAsync([TimerTrigger("45 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RequeueStrandedAsync(QueuedGrace, RunningGrace, cancellationToken);
}
