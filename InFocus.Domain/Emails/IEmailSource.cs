using InFocus.Domain.Common.Email;

namespace InFocus.Domain.Emails;

/// <summary>One kind of email of the outbox: the table whose rows are its outbox records, and how its email reads.</summary>
public interface IEmailSource
{
    EmailKind Kind { get; }

    /// <summary>The table with the <see cref="IOutboxEmail"/> columns (a constant, never user input: it is spliced into SQL).</summary>
    string Table { get; }

    /// <summary>
    /// A SQL condition on the row (alias <c>t</c>, the current time as <c>@now</c>) that holds while the row still wants
    /// its email, for example a pending invitation that has not expired. Also a constant.
    /// </summary>
    string WantsEmail { get; }

    /// <summary>The email for the row's current token, or null when the row no longer wants one (then nothing is sent).</summary>
    Task<OutgoingEmail?> ComposeAsync(EmailMessage message, CancellationToken cancellationToken);
}
