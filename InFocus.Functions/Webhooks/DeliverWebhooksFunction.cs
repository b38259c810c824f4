using InFocus.Domain.Webhooks;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Webhooks;

/// <summary>Every 30 seconds: due webhook deliveries are sent, in leased batches (<see cref="WebhookDeliverer"/>).</summary>
public sealed class DeliverWebhooksFunction(WebhookDeliverer deliverer)
{
    public const string Name = "DeliverWebhooks";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("*/30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        deliverer.RunAsync(cancellationToken);
}
