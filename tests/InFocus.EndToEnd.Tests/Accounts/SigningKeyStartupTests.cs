using InFocus.DevHost;
using InFocus.Functions;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InFocus.EndToEnd.Tests.Accounts;

/// <summary>
/// Both hosts refuse to start with a signing key that would let anyone forge access tokens: the function app as
/// Program.cs builds it, and the development host.
/// </summary>
public sealed class SigningKeyStartupTests
{
    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public void The_function_app_refuses_the_public_sample_key_outside_development(string environment, bool refused)
    {
        var failure = FunctionAppStartUpFailure(environment);

        if (refused)
        {
            Assert.Contains("Jwt:SigningKey (app setting Jwt__SigningKey) is the public development key", failure, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(failure);
        }
    }

    [Fact]
    public void The_function_app_refuses_a_missing_key() =>
        Assert.Contains(
            "Jwt:SigningKey (app setting Jwt__SigningKey, a Key Vault reference in Azure) is missing",
            FunctionAppStartUpFailure(Environments.Production, ("Jwt__SigningKey", "")),
            StringComparison.Ordinal);

    [Fact]
    public async Task The_development_host_does_not_start_without_a_signing_key()
    {
        var settings = TestSettings.Sample.ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Jwt__SigningKey"] = "";
        await using var host = DevHostApplication.Build(new DevHostOptions { Urls = "http://127.0.0.1:0", UseEnvironmentVariables = false, Settings = settings });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Jwt:SigningKey (app setting Jwt__SigningKey, a Key Vault reference in Azure) is missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The start-up validation of the worker host Program.cs builds, in <paramref name="environment"/> (what
    /// <c>AZURE_FUNCTIONS_ENVIRONMENT</c> sets; Production in Azure), with the sample settings and
    /// <paramref name="overrides"/> as app settings. (Starting the worker itself needs a Functions host to connect to.)
    /// </summary>
    private static string? FunctionAppStartUpFailure(string environment, params (string Key, string Value)[] overrides)
    {
        var settings = TestSettings.Sample.ToDictionary(s => s.Key, s => s.Value);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var builder = FunctionApp.CreateBuilder([.. settings.Select(s => $"--{TestSettings.ToConfigurationKey(s.Key)}={s.Value}")]);
        builder.Environment.EnvironmentName = environment;
        using var host = builder.Build();
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return null;
        }
        catch (OptionsValidationException e)
        {
            return e.Message;
        }
    }
}
