using Azure.Storage.Queues;
using InFocus.Domain.Emails;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InFocus.Domain.Maintenance;

/// <summary>
/// Checks that the parts a request depends on answer: PostgreSQL and the storage queue. Reports only
/// healthy/unhealthy per part; no versions, hosts or error texts leave the service.
/// </summary>
public sealed partial class HealthProbe(
    NpgsqlDataSource database,
    QueueServiceClient queues,
    IOptions<EmailQueueOptions> queueOptions,
    ILogger<HealthProbe> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var database = CheckAsync("database", CheckDatabaseAsync, cancellationToken);
        var queue = CheckAsync("queue", CheckQueueAsync, cancellationToken);
        return new HealthReport(await database, await queue);
    }

    private async Task<bool> CheckAsync(string part, Func<CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await check(timeout.Token);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnhealthy(logger, part, e);
            return false;
        }
    }

    private async Task CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task CheckQueueAsync(CancellationToken cancellationToken) =>
        await queues.GetQueueClient(queueOptions.Value.QueueName).ExistsAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check of {Part} failed")]
    private static partial void LogUnhealthy(ILogger logger, string part, Exception exception);
}

public sealed record HealthReport(bool DatabaseHealthy, bool QueueHealthy)
{
    public bool Healthy => DatabaseHealthy && QueueHealthy;
}
