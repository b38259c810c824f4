using InFocus.Domain.Media;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace InFocus.Functions.Media;

/// <summary>
/// Every 3 hours: refreshes the seasons of shows on watchlists that are due (airing shows every 12 hours, ended ones
/// every 30 days) within the job's time budget, then reopens completed shows with newly aired episodes (see
/// <see cref="ShowSeasonRefresh"/>).
/// </summary>
public sealed class RefreshShowSeasonsFunction(ShowSeasonRefresh refresh, ILogger<RefreshShowSeasonsFunction> logger)
{
    public const string Name = "RefreshShowSeasons";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 30 */3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Function"] = Name });
        await refresh.RunAsync(cancellationToken);
    }
}
