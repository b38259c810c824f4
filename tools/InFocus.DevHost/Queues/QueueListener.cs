using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InFocus.DevHost.Configuration;
using Microsoft.Extensions.Logging;

namespace InFocus.DevHost.Queues;

/// <summary>
/// Polls one queue for one function like the host's queue listener: receives up to <c>batchSize</c> messages under a
/// 10-minute lease, processes them concurrently, fetches the next batch once at most <c>newBatchThreshold</c> are
/// still running, and backs off up to <c>maxPollingInterval</c> while the queue is empty (or missing: its producer
/// creates it). On shutdown it stops polling and waits for the messages in hand.
/// </summary>
public sealed partial class QueueListener(QueueClient queue, QueueMessageHandler handler, QueuesHostOptions options, ILogger logger)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private bool _storageFailing;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var delay = new PollingDelay(QueuesHostOptions.MinPollingInterval, options.MaxPollingInterval);
        var inFlight = new List<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            while (inFlight.Count > options.EffectiveNewBatchThreshold)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }

            var messages = await ReceiveAsync(stoppingToken);
            if (messages.Length > 0)
            {
                delay.Reset();
                inFlight.AddRange(messages.Select(m => handler.HandleAsync(m, stoppingToken)));
                continue;
            }

            try
            {
                await Task.Delay(delay.Next(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            var messages = (await queue.ReceiveMessagesAsync(options.BatchSize, Lease, stoppingToken)).Value;
            ReportStorageRecovered();
            return messages;
        }
        catch (RequestFailedException e) when (e.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            ReportStorageRecovered();
            return [];
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return [];
        }
        catch (Exception e)
        {
            if (!_storageFailing)
            {
                _storageFailing = true;
                LogPollFailed(logger, queue.Name, e);
            }

            return [];
        }
    }

    private void ReportStorageRecovered()
    {
        if (_storageFailing)
        {
            _storageFailing = false;
            LogPollRecovered(logger, queue.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue '{Queue}' failed; retrying until storage answers")]
    private static partial void LogPollFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling queue '{Queue}' works again")]
    private static partial void LogPollRecovered(ILogger logger, string queue);
}
