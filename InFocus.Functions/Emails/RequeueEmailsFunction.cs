using InFocus.Domain.Emails;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Emails;

/// <summary>The outbox sweep: rows whose email never reached the queue get a fresh token and a message.</summary>
public sealed class RequeueEmailsFunction(EmailOutbox outbox)
{
    public const string Name = "RequeueEmails";

    /// <summary>Long enough for a request to get from its commit to its queue write.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    [Function(Name)]
    public Task RunAsync([TimerTrigger("30 */2 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        outbox.RequeueStrandedAsync(Grace, cancellationToken);
}
