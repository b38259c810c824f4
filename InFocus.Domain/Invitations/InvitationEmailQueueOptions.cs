namespace InFocus.Domain.Invitations;

/// <summary>
/// The queue that carries invitation emails. Its name is the app setting <c>InvitationEmailQueue</c>, which the
/// queue trigger also reads (<c>%InvitationEmailQueue%</c>), so producer and consumer cannot disagree.
/// </summary>
public sealed class InvitationEmailQueueOptions
{
    public const string Setting = "InvitationEmailQueue";
    public const string DefaultName = "invitation-emails";

    public string QueueName { get; set; } = DefaultName;
}
