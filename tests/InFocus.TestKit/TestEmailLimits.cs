namespace InFocus.TestKit;

/// <summary>Email limits high enough that tests of other behaviour never meet them; the limits' own tests leave them at their defaults.</summary>
public static class TestEmailLimits
{
    public static IReadOnlyDictionary<string, string> Generous { get; } = new Dictionary<string, string>
    {
        ["Email__Limits__InvitationsPerInviterPerDay"] = "10000",
        ["Email__Limits__InvitationsPerFamilyPerDay"] = "10000",
        ["Email__Limits__InvitationsPerRecipientPerDay"] = "100",
        ["Email__Limits__ResendCooldownSeconds"] = "0",
        ["Email__Limits__DailyBudget"] = "1000000",
        ["Auth__AccountEmailsPerAddressPerHour"] = "100",
        ["Auth__AccountEmailsPerClientPerHour"] = "10000",
        ["Auth__RegistrationsPerClientPerHour"] = "10000",
    };
}
