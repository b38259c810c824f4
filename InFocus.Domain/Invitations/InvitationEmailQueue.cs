using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Invitations;

/// <summary>The <c>invitation-emails</c> queue, created on first use.</summary>
public sealed class InvitationEmailQueue(QueueServiceClient queues, IOptions<InvitationEmailQueueOptions> options)
{
    private readonly QueueClient _queue = queues.GetQueueClient(options.Value.QueueName);
    private volatile bool _exists;

    public async Task SendAsync(InvitationEmailMessage message, CancellationToken cancellationToken)
    {
        if (!_exists)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _exists = true;
        }

        await _queue.SendMessageAsync(message.ToJson(), cancellationToken);
    }
}
