using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InFocus.Domain.Common.Email;

/// <summary>
/// Sends through an SMTP server with MailKit: the local-development provider (smtp4dev), without authentication or
/// TLS. SMTP has no idempotency of its own; the Message-ID is derived from the idempotency key so duplicates are
/// at least recognizable, and callers guard against sending twice (see <c>EmailDelivery</c>).
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    private static readonly Guid MessageIdNamespace = new("0b6c5d33-2a7e-4f0e-9a55-7d3c1f0e8b21");
    private const int TimeoutMilliseconds = 30_000;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress("InFocus", settings.SenderAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = $"{DeterministicGuid.Create(MessageIdNamespace, email.IdempotencyKey):N}@{SenderDomain(settings.SenderAddress)}";
        foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }

        message.Body = new BodyBuilder { TextBody = email.PlainText, HtmlBody = email.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, SecureSocketOptions.None, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException($"The SMTP server did not take the email ({e.GetType().Name}: {e.Message})", e);
        }
    }

    private static string SenderDomain(string address) => address[(address.LastIndexOf('@') + 1)..];
}
