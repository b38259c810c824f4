using InFocus.Domain.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Notifications;

/// <summary>
/// Writes the day's digest emails into the outbox (the SendEmail queue function delivers them). Runs hourly from 07:00
/// to 11:00 UTC: the first run writes them, later ones pick up what a failure or the email budget left; nobody gets
/// two a day, even with several instances running.
/// </summary>
public sealed class SendNotificationDigestsFunction(NotificationDigestService digests)
{
    public const string Name = "SendNotificationDigests";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("0 0 7-11 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.WriteDigestsAsync(cancellationToken);
}
