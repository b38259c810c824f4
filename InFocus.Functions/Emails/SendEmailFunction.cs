using InFocus.Domain.Emails;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Emails;

/// <summary>
/// Sends the email of a queued outbox message (invitations, address verification, password reset). A failure is
/// recorded on its row and rethrown: the host retries and after <c>maxDequeueCount</c> (host.json) moves the message
/// to <c>%InvitationEmailQueue%-poison</c>. A delivery that finds another one sending the same email defers itself.
/// </summary>
public sealed class SendEmailFunction(EmailDelivery delivery)
{
    public const string Name = "SendEmail";

    [Function(Name)]
    public Task RunAsync(
        [QueueTrigger("%InvitationEmailQueue%", Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        delivery.DeliverAsync(message, cancellationToken);
}
