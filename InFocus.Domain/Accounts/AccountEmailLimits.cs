using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Emails;

namespace InFocus.Domain.Accounts;

/// <summary>The limits shared by the requests that email an address about its account (register, verification resend, password reset).</summary>
internal static class AccountEmailLimits
{
    public static RateLimit PerAddress(string email, AuthOptions auth) =>
        RateLimit.PerHour($"account-emails-per-address:{email}", auth.AccountEmailsPerAddressPerHour, "Too many emails were asked for this address. Try again later.");

    public static RateLimit PerClient(string clientAddress, AuthOptions auth) =>
        RateLimit.PerHour($"account-emails-per-client:{clientAddress}", auth.AccountEmailsPerClientPerHour, "Too many emails were asked for from this address. Try again later.");

    /// <summary>
    /// For a request that emails an address about its account (verification resend, password reset): 400 unless
    /// <paramref name="email"/> is well formed, then counted against the address's, the client's and the app's limits
    /// (429 over one). Returns the normalized address.
    /// </summary>
    public static async Task<string> AcquireForAddressAsync(
        this RateLimiter limiter, string? email, ClientInfo client, AuthOptions auth, EmailLimitsOptions emailLimits, CancellationToken cancellationToken)
    {
        new Validation().Email("email", email).ThrowIfInvalid();
        var normalized = EmailAddress.Normalize(email!);
        await limiter.AcquireAsync([PerAddress(normalized, auth), PerClient(client.Address, auth), emailLimits.Budget], cancellationToken);
        return normalized;
    }
}
