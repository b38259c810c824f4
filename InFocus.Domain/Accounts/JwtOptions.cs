using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Settings under <c>Jwt</c>. The keys are base64 HMAC-SHA256 secrets of at least 256 bits; in Azure they are Key Vault
/// references. <see cref="PreviousSigningKeys"/> only validate, so a new key can sign while tokens signed by the old
/// one stay valid until they expire (see infra/scripts/rotate-jwt-signing-key.sh).
/// </summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    /// <summary>Base64 key that signs new access tokens.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>Comma-separated base64 keys accepted for validation only; empty when no rotation is under way.</summary>
    public string PreviousSigningKeys { get; set; } = "";
}

/// <summary>
/// Refuses settings that would make tokens forgeable: a missing, malformed or short key, and outside the Development
/// environment the sample key committed in local.settings.sample.json (anyone can sign tokens with it). The
/// environment is the host's (<c>AZURE_FUNCTIONS_ENVIRONMENT</c>, Production in Azure; the development host runs as
/// Development); without a host environment it is not Development.
/// </summary>
internal sealed class JwtOptionsValidator(IHostEnvironment? environment) : IValidateOptions<JwtOptions>
{
    /// <summary>The development key of local.settings.sample.json, decoded (a test keeps the two in step).</summary>
    internal static readonly byte[] SampleKey = Convert.FromBase64String("bG9jYWwtZGV2ZWxvcG1lbnQtb25seS1zaWduaW5nLWtleS1kby1ub3QtdXNlLWluLXByb2R1Y3Rpb24=");

    private const string KeyAdvice = "a base64-encoded key of at least 32 bytes (256 bits), for example from `openssl rand -base64 32`";

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Jwt:Issuer (app setting Jwt__Issuer) is required.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Jwt:Audience (app setting Jwt__Audience) is required.");
        }

        // The messages never echo a key: a malformed one may still be most of a real secret.
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add($"Jwt:SigningKey (app setting Jwt__SigningKey, a Key Vault reference in Azure) is missing; set it to {KeyAdvice}.");
        }
        else if (JwtKeys.Decode(options.SigningKey) is not { } key)
        {
            failures.Add($"Jwt:SigningKey (app setting Jwt__SigningKey) is not {KeyAdvice}.");
        }
        else if (IsPublicOutsideDevelopment(key))
        {
            failures.Add($"Jwt:SigningKey (app setting Jwt__SigningKey) is the public development key of local.settings.sample.json, "
                + $"which only the Development environment may use (this is {EnvironmentName}); set it to {KeyAdvice}.");
        }

        var previous = JwtKeys.Split(options.PreviousSigningKeys);
        for (var i = 0; i < previous.Count; i++)
        {
            if (JwtKeys.Decode(previous[i]) is not { } previousKey)
            {
                failures.Add($"Jwt:PreviousSigningKeys (app setting Jwt__PreviousSigningKeys) entry {i + 1} is not {KeyAdvice}.");
            }
            else if (IsPublicOutsideDevelopment(previousKey))
            {
                failures.Add($"Jwt:PreviousSigningKeys (app setting Jwt__PreviousSigningKeys) entry {i + 1} is the public development key, "
                    + $"which only the Development environment may use (this is {EnvironmentName}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string EnvironmentName => environment?.EnvironmentName ?? "no host environment";

    private bool IsPublicOutsideDevelopment(byte[] key) => environment?.IsDevelopment() != true && key.AsSpan().SequenceEqual(SampleKey);
}
