namespace InFocus.Domain.Emails;

/// <summary>
/// The queue that carries every transactional email. Its name is the app setting <c>InvitationEmailQueue</c> (named
/// when invitations were its only emails; the deployed infrastructure still sets it under that name), which the queue
/// trigger also reads (<c>%InvitationEmailQueue%</c>), so producer and consumer cannot disagree.
/// </summary>
public sealed class EmailQueueOptions
{
    public const string Setting = "InvitationEmailQueue";
    public const string DefaultName = "invitation-emails";

    public string QueueName { get; set; } = DefaultName;
}
