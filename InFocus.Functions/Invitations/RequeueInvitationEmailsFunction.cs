using InFocus.Domain.Invitations;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

/// <summary>The outbox sweep: invitations whose email never reached the queue get a fresh token and a message.</summary>
public sealed class RequeueInvitationEmailsFunction(InvitationEmailOutbox outbox)
{
    /// <summary>Long enough for a request to get from its commit to its queue write.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    [Function("RequeueInvitationEmails")]
    public Task RunAsync([TimerTrigger("30 */2 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        outbox.RequeueStrandedAsync(Grace, cancellationToken);
}
