using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

/// <summary>Settings under <c>Auth</c> (app settings <c>Auth__BcryptWorkFactor</c>, ...).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The lowest work factor a deployed app may use.</summary>
    public const int MinimumWorkFactor = 10;

    /// <summary>bcrypt cost: each step doubles the time a hash takes (12 is about a quarter of a second).</summary>
    public int BcryptWorkFactor { get; set; } = 12;

    /// <summary>
    /// Lets <see cref="BcryptWorkFactor"/> go below <see cref="MinimumWorkFactor"/> (down to bcrypt's minimum of 4) so
    /// test suites that create hundreds of accounts stay fast. Never set it in a deployed app.
    /// </summary>
    public bool AllowWeakBcryptWorkFactorForTests { get; set; }

    /// <summary>Failed sign-ins one client may make against one account within <see cref="LoginWindowMinutes"/> before it is refused (429).</summary>
    [Range(1, 100)]
    public int LoginFailuresPerAccountAndClient { get; set; } = 5;

    /// <summary>Failed sign-ins one client may make against all accounts within the window before it is refused (429).</summary>
    [Range(1, 10_000)]
    public int LoginFailuresPerClient { get; set; } = 20;

    /// <summary>
    /// Failures against one account from all clients within the window from which every sign-in to it is slowed by
    /// <see cref="LoginPressureDelayMilliseconds"/>: pressure from many clients slows guessing and never locks the owner out.
    /// </summary>
    [Range(1, 100)]
    public int LoginFailuresPerAccountBeforeDelay { get; set; } = 10;

    [Range(0, 10_000)]
    public int LoginPressureDelayMilliseconds { get; set; } = 2_000;

    [Range(1, 1_440)]
    public int LoginWindowMinutes { get; set; } = 15;

    /// <summary>Registrations (POST /api/auth/register) one client address may make per hour.</summary>
    [Range(1, 10_000)]
    public int RegistrationsPerClientPerHour { get; set; } = 10;

    /// <summary>Password-reset and verification-resend requests per email address per hour (known or not).</summary>
    [Range(1, 100)]
    public int AccountEmailsPerAddressPerHour { get; set; } = 3;

    /// <summary>Password-reset and verification-resend requests per client address per hour.</summary>
    [Range(1, 10_000)]
    public int AccountEmailsPerClientPerHour { get; set; } = 10;

    /// <summary>How long a registration waits for its address to be verified before it is removed.</summary>
    [Range(1, 168)]
    public int EmailVerificationHours { get; set; } = 24;

    /// <summary>
    /// bcrypt computations one instance runs at once (sign-ins, registrations, password changes); 0 is half the
    /// processor count, at least one, so a burst of sign-ins leaves the other cores to every other request.
    /// </summary>
    [Range(0, 256)]
    public int PasswordHashingConcurrency { get; set; }

    /// <summary>How long a password check waits for a free bcrypt slot before it is answered 503 with Retry-After.</summary>
    [Range(0, 30_000)]
    public int PasswordHashingMaxWaitMilliseconds { get; set; } = 1_000;

    /// <summary>How long a password-reset link works.</summary>
    [Range(5, 1_440)]
    public int PasswordResetMinutes { get; set; } = 30;

    public TimeSpan LoginWindow => TimeSpan.FromMinutes(LoginWindowMinutes);

    public int EffectivePasswordHashingConcurrency =>
        PasswordHashingConcurrency > 0 ? PasswordHashingConcurrency : Math.Max(1, Environment.ProcessorCount / 2);

    public TimeSpan PasswordHashingMaxWait => TimeSpan.FromMilliseconds(PasswordHashingMaxWaitMilliseconds);

    public TimeSpan LoginPressureDelay => TimeSpan.FromMilliseconds(LoginPressureDelayMilliseconds);

    public TimeSpan EmailVerificationExpiry => TimeSpan.FromHours(EmailVerificationHours);

    public TimeSpan PasswordResetExpiry => TimeSpan.FromMinutes(PasswordResetMinutes);
}

internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    private const int BcryptMinimum = 4;
    private const int BcryptMaximum = 31;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var factor = options.BcryptWorkFactor;
        if (factor is < BcryptMinimum or > BcryptMaximum)
        {
            return ValidateOptionsResult.Fail(
                $"Auth:BcryptWorkFactor (app setting Auth__BcryptWorkFactor) must be between {BcryptMinimum} and {BcryptMaximum}; it is {factor}.");
        }

        if (factor < AuthOptions.MinimumWorkFactor && !options.AllowWeakBcryptWorkFactorForTests)
        {
            return ValidateOptionsResult.Fail(
                $"Auth:BcryptWorkFactor (app setting Auth__BcryptWorkFactor) is {factor}, below the minimum of {AuthOptions.MinimumWorkFactor} "
                + "for a deployed app. Test runs may allow it with Auth__AllowWeakBcryptWorkFactorForTests=true.");
        }

        return ValidateOptionsResult.Success;
    }
}
