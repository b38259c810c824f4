using Azure.Storage.Queues;
using InFocus.Domain.Common.Storage;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Invitations;

/// <summary>A domain fixture whose invitation emails go to smtp4dev through a queue of its own.</summary>
public class InvitationsFixture : DomainFixture
{
    public string QueueName { get; } = $"invitation-emails-{Guid.NewGuid():N}"[..40];

    public QueueClient Queue => StorageServiceCollectionExtensions
        .CreateQueueServiceClient(new StorageOptions { ConnectionString = TestEnvironment.Storage })
        .GetQueueClient(QueueName);

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["InvitationEmailQueue"] = QueueName;
        settings["Email__Smtp__Host"] = TestEnvironment.SmtpHost;
        settings["Email__Smtp__Port"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>Takes every message off the queue, as the queue trigger would receive them.</summary>
    public async Task<List<string>> DrainQueueAsync()
    {
        var messages = new List<string>();
        var queue = Queue;
        if (!await queue.ExistsAsync())
        {
            return messages;
        }

        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
