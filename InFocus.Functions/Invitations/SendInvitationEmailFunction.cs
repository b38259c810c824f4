using InFocus.Domain.Invitations;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

/// <summary>
/// Sends the email of a queued invitation. A failure is recorded on the invitation and rethrown: the host retries
/// and after <c>maxDequeueCount</c> (host.json) moves the message to <c>%InvitationEmailQueue%-poison</c>.
/// </summary>
public sealed class SendInvitationEmailFunction(InvitationEmailDelivery delivery)
{
    [Function("SendInvitationEmail")]
    public Task RunAsync(
        [QueueTrigger("%InvitationEmailQueue%", Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        delivery.DeliverAsync(message, cancellationToken);
}
