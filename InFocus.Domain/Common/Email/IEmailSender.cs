namespace InFocus.Domain.Common.Email;

/// <summary>Sends one email. Throws when it was not accepted for delivery, so the caller can retry.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// An email to one recipient in plain text and HTML. <see cref="IdempotencyKey"/> names it: sending the same key
/// twice is the same email (ACS deduplicates by it; SMTP uses it for the Message-ID). <see cref="Headers"/> are extra
/// headers (the digest's RFC 8058 <c>List-Unsubscribe</c> pair), fixed names and values the app composed.
/// </summary>
public sealed record OutgoingEmail(
    string To, string Subject, string PlainText, string Html, string IdempotencyKey, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>The email provider refused or failed the email; <see cref="Exception.Message"/> is safe to show to admins.</summary>
public sealed class EmailDeliveryException(string message, Exception? innerException = null) : Exception(message, innerException);
