using InFocus.Domain.Common;
using InFocus.Domain.Common.Email;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Accounts;

/// <summary>
/// The email of a registration. Whether the address already has an account is decided here, in the background, so
/// registering answers the same, after the same work, either way: a new address gets its verification link; an
/// address with an account gets a notice that someone tried to register it, with the way to reset the password.
/// </summary>
public sealed class EmailVerificationSource(InFocusDbContext db, AccountLinks links) : IEmailSource
{
    public const string VerifySubject = "Verify your email address for InFocus";
    public const string AttemptSubject = "Someone tried to register your email address on InFocus";

    public EmailKind Kind => EmailKind.EmailVerification;

    public string Table => "pending_registrations";

    public string WantsEmail => "t.expires_at > @now";

    public async Task<OutgoingEmail?> ComposeAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var registration = await db.PendingRegistrations
            .Where(r => r.Id == message.Id && r.SendCount == message.SendCount)
            .Select(r => new { r.Email, r.ExpiresAt, AccountExists = db.Users.Any(u => u.Email == r.Email) })
            .SingleOrDefaultAsync(cancellationToken);
        if (registration is null)
        {
            return null;
        }

        if (registration.AccountExists)
        {
            return EmailText.Compose(
                registration.Email,
                AttemptSubject,
                [
                    "Someone tried to create an InFocus account with this email address, which already has an account. No new account was created and nothing about your account changed.",
                    "If it was you and you no longer know your password, you can reset it.",
                ],
                new EmailLink("Reset your password", links.ForgotPassword),
                "If it was not you, you can ignore this email.",
                message.IdempotencyKey);
        }

        return EmailText.Compose(
            registration.Email,
            VerifySubject,
            ["Someone, hopefully you, registered an InFocus account with this email address. Verify the address to finish."],
            new EmailLink("Verify your email address", links.VerifyEmail(message.Token)),
            $"The link works until {DisplayTime.Utc(registration.ExpiresAt)}. If you did not register, ignore this email and no account will be created.",
            message.IdempotencyKey);
    }
}

/// <summary>The password-reset email: sent only when the address has an account (an unknown address gets nothing).</summary>
public sealed class PasswordResetSource(InFocusDbContext db, AccountLinks links) : IEmailSource
{
    public const string Subject = "Reset your InFocus password";

    public EmailKind Kind => EmailKind.PasswordReset;

    public string Table => "password_resets";

    public string WantsEmail => "t.used_at IS NULL AND t.expires_at > @now";

    public async Task<OutgoingEmail?> ComposeAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var reset = await db.PasswordResets
            .Where(r => r.Id == message.Id && r.SendCount == message.SendCount && db.Users.Any(u => u.Email == r.Email))
            .Select(r => new { r.Email, r.ExpiresAt })
            .SingleOrDefaultAsync(cancellationToken);
        return reset is null
            ? null
            : EmailText.Compose(
                reset.Email,
                Subject,
                ["Someone, hopefully you, asked to reset the password of your InFocus account."],
                new EmailLink("Choose a new password", links.ResetPassword(message.Token)),
                $"The link works once, until {DisplayTime.Utc(reset.ExpiresAt)}. If you did not ask, ignore this email: your password stays as it is.",
                message.IdempotencyKey);
    }
}
