using InFocus.Domain.Media;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InFocus.Functions.Media;

/// <summary>Every 6 hours: refreshes stale streaming providers within the job's time budget (see <see cref="StreamingProviderRefresh"/>).</summary>
public sealed class RefreshStreamingProvidersFunction(StreamingProviderRefresh refresh, ILogger<RefreshStreamingProvidersFunction> logger)
{
    public const string Name = "RefreshStreamingProviders";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 0 */6 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Function"] = Name });
        await refresh.RunAsync(cancellationToken);
    }
}
