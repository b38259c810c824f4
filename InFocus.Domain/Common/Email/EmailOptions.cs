using System.ComponentModel.DataAnnotations;

namespace InFocus.Domain.Common.Email;

/// <summary>Settings under <c>Email</c> (app settings <c>Email__Provider</c>, <c>Email__Smtp__Host</c>, ...).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Smtp;

    /// <summary>The From address; with ACS it must belong to a domain verified on the resource.</summary>
    [Required]
    [EmailAddress]
    public string SenderAddress { get; set; } = "";

    public SmtpSettings Smtp { get; set; } = new();

    public AcsSettings Acs { get; set; } = new();

    /// <summary>SMTP server without authentication or TLS: smtp4dev on a development machine.</summary>
    public sealed class SmtpSettings
    {
        public string Host { get; set; } = "127.0.0.1";

        [Range(1, 65535)]
        public int Port { get; set; } = 25;
    }

    /// <summary>Azure Communication Services: the resource endpoint, and its access key or (empty) the managed identity.</summary>
    public sealed class AcsSettings
    {
        public string Endpoint { get; set; } = "";

        public string AccessKey { get; set; } = "";
    }
}

public enum EmailProvider
{
    Smtp,
    AzureCommunicationServices,
}
