using InFocus.Domain.Common.Limits;

namespace InFocus.Domain.Accounts;

/// <summary>The limits shared by the requests that email an address about its account (register, verification resend, password reset).</summary>
internal static class AccountEmailLimits
{
    public static RateLimit PerAddress(string email, AuthOptions auth) =>
        RateLimit.PerHour($"account-emails-per-address:{email}", auth.AccountEmailsPerAddressPerHour, "Too many emails were asked for this address. Try again later.");

    public static RateLimit PerClient(string clientAddress, AuthOptions auth) =>
        RateLimit.PerHour($"account-emails-per-client:{clientAddress}", auth.AccountEmailsPerClientPerHour, "Too many emails were asked for from this address. Try again later.");
}
