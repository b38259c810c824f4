using InFocus.Domain.Accounts;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Tests.Accounts;

/// <summary>Start-up refuses settings that would make authentication weak, with a message naming the setting.</summary>
public sealed class AccountOptionsTests
{
    private const string ShortKey = "c2hvcnQta2V5LW9mLTE2LWJ5dGVz";

    [Theory]
    [InlineData("", "Jwt:SigningKey (app setting Jwt__SigningKey, a Key Vault reference in Azure) is missing")]
    [InlineData(ShortKey, "Jwt:SigningKey (app setting Jwt__SigningKey) is not a base64-encoded key of at least 32 bytes")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://vault/secrets/jwt)", "Jwt:SigningKey (app setting Jwt__SigningKey) is not a base64-encoded key")]
    public void A_missing_or_short_signing_key_stops_start_up(string key, string message) =>
        Assert.Contains(message, StartUpFailure(("Jwt__SigningKey", key)), StringComparison.Ordinal);

    [Fact]
    public void The_failure_message_never_contains_the_key() =>
        Assert.DoesNotContain(ShortKey, StartUpFailure(("Jwt__SigningKey", ShortKey)), StringComparison.Ordinal);

    [Fact]
    public void A_malformed_previous_key_stops_start_up() =>
        Assert.Contains(
            "Jwt:PreviousSigningKeys (app setting Jwt__PreviousSigningKeys) entry 2 is not",
            StartUpFailure(("Jwt__PreviousSigningKeys", $"{TestSettings.Sample["Jwt__SigningKey"]},{ShortKey}")),
            StringComparison.Ordinal);

    [Theory]
    [InlineData("Jwt__Issuer")]
    [InlineData("Jwt__Audience")]
    public void Issuer_and_audience_are_required(string setting) =>
        Assert.Contains($"(app setting {setting}) is required", StartUpFailure((setting, "")), StringComparison.Ordinal);

    [Fact]
    public void A_weak_bcrypt_work_factor_stops_start_up_unless_tests_allow_it()
    {
        Assert.Contains("below the minimum of 10", StartUpFailure(("Auth__BcryptWorkFactor", "8")), StringComparison.Ordinal);
        Assert.Null(StartUpFailure(("Auth__BcryptWorkFactor", "8"), ("Auth__AllowWeakBcryptWorkFactorForTests", "true")));
        Assert.Contains("between 4 and 31", StartUpFailure(("Auth__BcryptWorkFactor", "3"), ("Auth__AllowWeakBcryptWorkFactorForTests", "true")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_settings_start_in_development() => Assert.Null(StartUpFailure());

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData(null)]
    public void The_public_sample_key_stops_start_up_outside_development(string? environment) =>
        Assert.Contains(
            "Jwt:SigningKey (app setting Jwt__SigningKey) is the public development key of local.settings.sample.json",
            StartUpFailure(environment),
            StringComparison.Ordinal);

    [Fact]
    public void The_public_sample_key_is_not_accepted_as_a_previous_key_outside_development() =>
        Assert.Contains(
            "Jwt:PreviousSigningKeys (app setting Jwt__PreviousSigningKeys) entry 1 is the public development key",
            StartUpFailure("Production", ("Jwt__SigningKey", RealKey), ("Jwt__PreviousSigningKeys", TestSettings.Sample["Jwt__SigningKey"])),
            StringComparison.Ordinal);

    [Fact]
    public void A_key_of_its_own_starts_in_production() => Assert.Null(StartUpFailure("Production", ("Jwt__SigningKey", RealKey)));

    [Fact]
    public void The_refused_sample_key_is_the_one_in_the_sample_settings() =>
        Assert.Equal(JwtOptionsValidator.SampleKey, Convert.FromBase64String(TestSettings.Sample["Jwt__SigningKey"]));

    private static string RealKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static string? StartUpFailure(params (string Key, string Value)[] overrides) => StartUpFailure(Environments.Development, overrides);

    /// <summary>
    /// Runs the start-up validation a host runs in <paramref name="environment"/> (none when null), with the sample
    /// settings plus <paramref name="overrides"/>.
    /// </summary>
    private static string? StartUpFailure(string? environment, params (string Key, string Value)[] overrides)
    {
        var settings = overrides.ToDictionary(o => o.Key, o => (string?)o.Value);
        var services = new ServiceCollection().AddLogging().AddInFocus(TestSettings.Build(settings));
        if (environment is not null)
        {
            services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        }

        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e.Message;
        }
        catch (AggregateException e)
        {
            return string.Join(" | ", e.InnerExceptions.Select(i => i.Message));
        }
    }
}
