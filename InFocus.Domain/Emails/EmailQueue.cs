using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Emails;

/// <summary>The email queue (<see cref="EmailQueueOptions"/>), created on first use.</summary>
public sealed class EmailQueue(QueueServiceClient queues, IOptions<EmailQueueOptions> options)
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.Value.QueueName);
    private volatile bool _exists;

    /// <summary>Puts the message on the queue, invisible for <paramref name="delay"/> when given (a deferred delivery).</summary>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken, TimeSpan? delay = null)
    {
        if (!_exists)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _exists = true;
        }

        await _queue.SendMessageAsync(message.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }
}
