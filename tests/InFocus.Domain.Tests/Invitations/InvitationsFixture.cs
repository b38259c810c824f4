using Azure.Storage.Queues;
using InFocus.Domain.Common.Storage;
using InFocus.TestKit;

namespace InFocus.Domain.Tests.Invitations;

/// <summary>
/// A domain fixture whose emails go to smtp4dev through a queue of its own, with email limits out of the way (the
/// limits have tests of their own).
/// </summary>
public class InvitationsFixture : DomainFixture
{
    public string QueueName { get; } = $"invitation-emails-{Guid.NewGuid():N}"[..40];

    public QueueClient Queue => StorageServiceCollectionExtensions
        .CreateQueueServiceClient(new StorageOptions { ConnectionString = TestEnvironment.Storage })
        .GetQueueClient(QueueName);

    /// <summary>False to keep the email limits at their production defaults.</summary>
    protected virtual bool GenerousLimits => true;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["InvitationEmailQueue"] = QueueName;
        if (GenerousLimits)
        {
            foreach (var (key, value) in TestEmailLimits.Generous)
            {
                settings[key] = value;
            }
        }

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

/// <summary><see cref="InvitationsFixture"/> with the email limits at their production defaults, for the limits' own tests.</summary>
public sealed class DefaultLimitsFixture : InvitationsFixture
{
    protected override bool GenerousLimits => false;
}
