using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InFocus.DevHost.Configuration;
using Microsoft.Extensions.Logging;

namespace InFocus.DevHost.Queues;

/// <summary>
/// Settles one received message the way the host's queue processor does: decoded per <c>messageEncoding</c>, handed
/// to the function, then deleted on success; after a failure made visible again after <c>visibilityTimeout</c>, or,
/// on its <c>maxDequeueCount</c>-th attempt, copied unchanged to <c>&lt;queue&gt;-poison</c> and deleted. Messages that
/// cannot be decoded, or were dequeued too often already, go straight to the poison queue. Message contents are never
/// logged (invitation tokens travel in them).
/// </summary>
public sealed partial class QueueMessageHandler(
    QueueClient queue, QueueClient poisonQueue, QueuesHostOptions options, Func<string, QueueMessage, CancellationToken, Task<bool>> invoke, ILogger logger)
{
    public async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message);
            }
            else if (!TryDecode(message, out var text))
            {
                LogUndecodable(logger, message.MessageId, queue.Name, options.MessageEncoding);
                await MoveToPoisonAsync(message);
            }
            else if (await invoke(text, message, cancellationToken))
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // Storage failed us: the message stays in the queue and reappears when its lease ends; nothing is lost.
            LogSettleFailed(logger, message.MessageId, queue.Name, e);
        }
    }

    private bool TryDecode(QueueMessage message, out string text)
    {
        text = message.Body.ToString();
        if (!options.IsBase64)
        {
            return true;
        }

        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var length))
        {
            return false;
        }

        text = Encoding.UTF8.GetString(bytes, 0, length);
        return true;
    }

    private async Task MoveToPoisonAsync(QueueMessage message)
    {
        LogPoisoned(logger, message.MessageId, options.MaxDequeueCount, poisonQueue.Name);
        await poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await poisonQueue.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} has reached MaxDequeueCount of {MaxDequeueCount}. Moving message to queue '{PoisonQueue}'.")]
    private static partial void LogPoisoned(ILogger logger, string messageId, int maxDequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on '{Queue}' is not valid {Encoding}; check messageEncoding in host.json")]
    private static partial void LogUndecodable(ILogger logger, string messageId, string queue, string encoding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on '{Queue}' could not be settled; it reappears after its lease")]
    private static partial void LogSettleFailed(ILogger logger, string messageId, string queue, Exception exception);
}
