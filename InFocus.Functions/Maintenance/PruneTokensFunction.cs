using InFocus.Domain.Maintenance;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Maintenance;

public sealed class PruneTokensFunction(TokenPruner pruner)
{
    public const string Name = "PruneTokens";

    /// <summary>Daily at 03:00 UTC; the pruner logs what it removed.</summary>
    [Function(Name)]
    public Task RunAsync([TimerTrigger("0 0 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        pruner.PruneAsync(cancellationToken);
}
