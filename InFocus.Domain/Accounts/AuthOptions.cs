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
