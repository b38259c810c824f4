using Azure.Storage.Queues;
using InFocus.DevHost.Configuration;
using InFocus.EndToEnd.Tests.Host.Probes;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>Queue-triggered functions on the shared Azurite, with the storage queue extension's retry and poison rules.</summary>
[Collection(ProbeHostCollection.Name)]
public sealed class QueueFunctionTests(ProbeHostFixture host) : IAsyncLifetime
{
    // Longer than a redelivery takes here (visibility timeout 0, polls at most 200 ms apart).
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1.5);

    private QueueClient Queue => Producer.GetQueueClient(host.ProbeQueue);

    private QueueClient PoisonQueue => Producer.GetQueueClient(host.ProbeQueue + "-poison");

    /// <summary>The producer side: the app's own queue client, which writes base64 as host.json declares.</summary>
    private QueueServiceClient Producer => host.Services.GetRequiredService<QueueServiceClient>();

    public async Task InitializeAsync() => await Queue.CreateIfNotExistsAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_message_from_the_producer_is_processed_once_and_deleted()
    {
        var message = $"hello-{Guid.NewGuid():N}";

        await Queue.SendMessageAsync(message);

        await Eventually.TrueAsync(() => host.Log.CallsOf("ProbeQueue", message).Count == 1, "the function received the message");
        await Task.Delay(Settle);
        Assert.Single(host.Log.CallsOf("ProbeQueue", message));
        Assert.Equal(0, await CountAsync(Queue));
        Assert.False(await ContainsAsync(PoisonQueue, message));
    }

    [Fact]
    public async Task A_message_whose_function_throws_is_retried_then_moved_unchanged_to_the_poison_queue()
    {
        var maxDequeueCount = host.Services.GetRequiredService<QueuesHostOptions>().MaxDequeueCount;
        var message = $"{ProbeFunctions.FailPrefix}{Guid.NewGuid():N}";

        await Queue.SendMessageAsync(message);

        await Eventually.TrueAsync(() => ContainsAsync(PoisonQueue, message), "the message reached the poison queue");
        await Task.Delay(Settle);
        Assert.Equal(maxDequeueCount, host.Log.CallsOf("ProbeQueue", message).Count);
        Assert.Equal(0, await CountAsync(Queue));
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_the_poison_queue_without_running_the_function()
    {
        var message = $"not base64 {Guid.NewGuid():N}!";
        var raw = new QueueClient(TestEnvironment.Storage, host.ProbeQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });

        await raw.SendMessageAsync(message);

        var rawPoison = new QueueClient(TestEnvironment.Storage, host.ProbeQueue + "-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await Eventually.TrueAsync(() => ContainsAsync(rawPoison, message), "the undecodable message reached the poison queue");
        Assert.DoesNotContain(host.Log.CallsOf("ProbeQueue"), c => c.Input?.Contains(message, StringComparison.Ordinal) == true);
    }

    /// <summary>Messages in the queue, leased ones included (the tests of this collection run one at a time).</summary>
    private static async Task<int> CountAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>Whether a message with this text is in the queue (peeked, so nothing is taken from the listener).</summary>
    private static async Task<bool> ContainsAsync(QueueClient queue, string text)
    {
        if (!await queue.ExistsAsync())
        {
            return false;
        }

        var messages = (await queue.PeekMessagesAsync(32)).Value;
        return messages.Any(m => m.Body.ToString() == text);
    }
}
