using InFocus.Domain.Invitations;

namespace InFocus.Domain.Tests.Invitations;

public sealed class InvitationEmailComposerTests
{
    private static readonly DateTimeOffset ExpiresAt = new(2026, 1, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_inviter_whose_account_is_gone_is_named_generically()
    {
        var email = InvitationEmailComposer.Compose("guest@example.test", null, "The Smiths", ExpiresAt, "https://app/api/invitations/t", "key");

        Assert.Equal(InvitationEmailComposer.Subject, email.Subject);
        Assert.Contains("An InFocus member invited you", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("Family name (chosen by its members): \"The Smiths\"", email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_never_reach_the_subject_and_control_characters_never_reach_the_text()
    {
        var email = InvitationEmailComposer.Compose(
            "guest@example.test", "Ada\r\nBcc: victim@example.test", "The\tSmiths\u0007", ExpiresAt, "https://app/api/invitations/t", "key");

        Assert.Equal("You have an invitation to a family on InFocus", email.Subject);
        Assert.DoesNotContain("\r\nBcc", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("An InFocus member named \"AdaBcc: victim@example.test\" invited you", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("\"TheSmiths\"", email.PlainText, StringComparison.Ordinal);
        Assert.Equal(("guest@example.test", "key"), (email.To, email.IdempotencyKey));
    }
}

