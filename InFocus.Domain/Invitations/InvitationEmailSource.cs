using InFocus.Domain.Common;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Invitations;

/// <summary>Invitation emails: the invitation row is the outbox record; it wants its email while it is pending.</summary>
public sealed class InvitationEmailSource(InFocusDbContext db, IOptions<InvitationOptions> options) : IEmailSource
{
    public EmailKind Kind => EmailKind.Invitation;

    public string Table => "family_invitations";

    public string WantsEmail => "t.status = 'pending' AND t.expires_at > @now";

    public async Task<OutgoingEmail?> ComposeAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var invitation = await db.FamilyInvitations
            .Where(i => i.Id == message.Id && i.SendCount == message.SendCount)
            .Select(i => new { i.Email, i.ExpiresAt, FamilyName = i.Family!.Name, InviterName = i.InvitedBy!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return invitation is null
            ? null
            : InvitationEmailComposer.Compose(
                invitation.Email,
                invitation.InviterName,
                invitation.FamilyName,
                invitation.ExpiresAt,
                options.Value.LinkFor(message.Token),
                message.IdempotencyKey);
    }
}
