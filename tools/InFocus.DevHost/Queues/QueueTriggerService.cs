using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using InFocus.DevHost.Configuration;
using InFocus.DevHost.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InFocus.DevHost.Queues;

/// <summary>Runs a <see cref="QueueListener"/> for every queue-triggered function.</summary>
public sealed class QueueTriggerService(
    FunctionCatalog catalog, QueuesHostOptions options, FunctionInvoker invoker, IServiceScopeFactory scopes, ILoggerFactory loggerFactory)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.WithTrigger<QueueTrigger>().Select(t => CreateListener(t.Function, t.Trigger).RunAsync(stoppingToken)));

    private QueueListener CreateListener(FunctionDescriptor function, QueueTrigger trigger)
    {
        // Raw messages: the handler decodes them itself, so that an undecodable one can be poisoned, not lost.
        var service = new QueueServiceClient(trigger.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var queue = service.GetQueueClient(trigger.QueueName);
        var logger = loggerFactory.CreateLogger("Host.Triggers.Queues");
        var handler = new QueueMessageHandler(queue, service.GetQueueClient(trigger.PoisonQueueName), options, InvokeAsync, logger);
        return new QueueListener(queue, handler, options, logger);

        async Task<bool> InvokeAsync(string text, QueueMessage message, CancellationToken cancellationToken)
        {
            try
            {
                var reason = $"New queue message detected on '{trigger.QueueName}' (id {message.MessageId}, dequeue count {message.DequeueCount})";
                await invoker.InvokeInNewScopeAsync(function, scopes, text, reason, cancellationToken);
                return true;
            }
            catch (Exception)
            {
                return false; // Logged by the invoker.
            }
        }
    }
}
