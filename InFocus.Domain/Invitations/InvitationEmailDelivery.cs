using InFocus.Domain.Common;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Invitations;

/// <summary>
/// Sends the email a queue message asks for, at most once per invitation and token issue, and records the outcome
/// for the family's admins.
/// <para>
/// Guarding against a second send: the whole attempt runs in a transaction holding a PostgreSQL advisory lock on the
/// invitation, so two deliveries of the same message (a redelivery after a visibility timeout) never send at once;
/// the second waits for a retry. A message is dropped without sending when its invitation is no longer pending, its
/// token was replaced by a resend (stale <c>SendCount</c> or token), or its email is already marked sent.
/// </para>
/// <para>
/// The choice is at-least-once: "sent" is committed right after the provider accepted the email, so a duplicate
/// is possible only if the process or database dies in that instant (at-most-once would instead lose the email in
/// that instant, which is worse for an invitation). With ACS even that window is closed: the Operation-Id is derived
/// from the same key, and the service sends an operation once.
/// </para>
/// A failed attempt is recorded (<c>email_status = failed</c>, a short error) and rethrown, so the host retries and
/// after <c>maxDequeueCount</c> attempts moves the message to the poison queue; a later success or a resend clears it.
/// </summary>
public sealed partial class InvitationEmailDelivery(
    InFocusDbContext db,
    IEmailSender sender,
    IOptions<InvitationOptions> options,
    TimeProvider clock,
    ILogger<InvitationEmailDelivery> logger)
{
    public async Task DeliverAsync(string queueMessage, CancellationToken cancellationToken)
    {
        if (InvitationEmailMessage.TryParse(queueMessage) is not { } message)
        {
            LogMalformed(logger);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TryLockAsync(message.InvitationId, cancellationToken))
        {
            throw new InvitationEmailBusyException(message.InvitationId);
        }

        var invitation = await db.FamilyInvitations
            .Where(i => i.Id == message.InvitationId)
            .Select(i => new
            {
                i.Email,
                i.Status,
                i.ExpiresAt,
                i.SendCount,
                i.TokenHash,
                i.EmailStatus,
                FamilyName = i.Family!.Name,
                InviterName = i.InvitedBy!.Name,
            })
            .SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (invitation is null
            || invitation.SendCount != message.SendCount
            || !invitation.TokenHash.AsSpan().SequenceEqual(SecureToken.Hash(message.Token))
            || InvitationState.Effective(invitation.Status, invitation.ExpiresAt, now) != InvitationStatus.Pending)
        {
            LogStale(logger, message.InvitationId, message.SendCount);
            return;
        }

        if (invitation.EmailStatus == EmailDeliveryStatus.Sent)
        {
            LogAlreadySent(logger, message.InvitationId, message.SendCount);
            return;
        }

        var email = InvitationEmailComposer.Compose(
            invitation.Email,
            invitation.InviterName,
            invitation.FamilyName,
            invitation.ExpiresAt,
            options.Value.LinkFor(message.Token),
            message.IdempotencyKey);
        try
        {
            await sender.SendAsync(email, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = ErrorText(e);
            await Current(message).ExecuteUpdateAsync(
                s => s.SetProperty(i => i.EmailStatus, EmailDeliveryStatus.Failed).SetProperty(i => i.EmailError, error),
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogFailed(logger, message.InvitationId, message.SendCount, e);
            throw;
        }

        await Current(message).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.EmailStatus, EmailDeliveryStatus.Sent)
                .SetProperty(i => i.EmailSentAt, now)
                .SetProperty(i => i.EmailError, (string?)null),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSent(logger, message.InvitationId, message.SendCount);
    }

    private IQueryable<FamilyInvitation> Current(InvitationEmailMessage message) =>
        db.FamilyInvitations.Where(i => i.Id == message.InvitationId && i.SendCount == message.SendCount);

    /// <summary>A transaction-scoped advisory lock: released at commit, rollback or if the connection dies.</summary>
    private async Task<bool> TryLockAsync(string invitationId, CancellationToken cancellationToken)
    {
        var key = $"invitation-email:{invitationId}";
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended({key}, 0)) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return locked.Single();
    }

    /// <summary>What admins see: the provider's explanation, bounded, never a stack trace or a secret.</summary>
    private static string ErrorText(Exception e)
    {
        var text = e is EmailDeliveryException ? e.Message : $"Sending failed unexpectedly ({e.GetType().Name}).";
        return text.Length <= FieldLimits.ErrorText ? text : text[..FieldLimits.ErrorText];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An invitation email message could not be read; it is dropped")]
    private static partial void LogMalformed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} send {SendCount} is no longer current; nothing sent")]
    private static partial void LogStale(ILogger logger, string invitationId, int sendCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} send {SendCount} was already sent; nothing sent again")]
    private static partial void LogAlreadySent(ILogger logger, string invitationId, int sendCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent invitation {InvitationId} email {SendCount}")]
    private static partial void LogSent(ILogger logger, string invitationId, int sendCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending invitation {InvitationId} email {SendCount} failed")]
    private static partial void LogFailed(ILogger logger, string invitationId, int sendCount, Exception exception);
}

/// <summary>Another delivery of the same invitation's email is in progress; the message is retried later.</summary>
public sealed class InvitationEmailBusyException(string invitationId)
    : Exception($"The email of invitation {invitationId} is being sent by another delivery.");
