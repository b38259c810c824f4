using InFocus.Domain.Invitations;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.Functions.Invitations;

public sealed class ExpireInvitationsFunction(InvitationExpiry expiry)
{
    public const string Name = "ExpireInvitations";

    [Function(Name)]
    public Task RunAsync([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        expiry.ExpireAsync(cancellationToken);
}
