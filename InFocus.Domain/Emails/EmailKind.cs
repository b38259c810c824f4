namespace InFocus.Domain.Emails;

/// <summary>What an email of the outbox is for; each kind has one <see cref="IEmailSource"/>.</summary>
public enum EmailKind
{
    /// <summary>A family invitation (<c>family_invitations</c>).</summary>
    Invitation,

    /// <summary>The link that verifies the address of a new registration (<c>pending_registrations</c>).</summary>
    EmailVerification,

    /// <summary>A password-reset link: asked for, or sent because someone tried to register the address (<c>password_resets</c>).</summary>
    PasswordReset,

    /// <summary>The daily digest of a user's unread notifications (<c>notification_digests</c>); its token unsubscribes.</summary>
    NotificationDigest,
}
