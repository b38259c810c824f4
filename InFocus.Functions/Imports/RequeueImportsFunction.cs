using InFocus.Domain.Imports;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Imports;

/// <summary>Every 5 minutes: imports whose queue message never left get one (<see cref="ImportSweep"/>).</summary>
public sealed class RequeueImportsFunction(ImportSweep sweep)
{
    public const string Name = "RequeueImports";

    /// <summary>Long enough for an upload to get from its commit to its queue write.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    [Function(Name)]
    public Task RunAsync([TimerTrigger("45 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.RequeueStrandedAsync(Grace, cancellationToken);
}
