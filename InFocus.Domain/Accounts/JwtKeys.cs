using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace InFocus.Domain.Accounts;

/// <summary>The decoded signing key and every key a token may be validated with (the signing key first).</summary>
public sealed class JwtKeys
{
    public const int MinimumKeyBytes = 32;

    public JwtKeys(IOptions<JwtOptions> options)
    {
        var settings = options.Value;
        Signing = new SymmetricSecurityKey(Decode(settings.SigningKey) ?? throw new InvalidOperationException("Jwt:SigningKey is invalid."));
        Validation = [Signing, .. Split(settings.PreviousSigningKeys).Select(k => new SymmetricSecurityKey(Decode(k)!))];
    }

    public SecurityKey Signing { get; }

    public IReadOnlyList<SecurityKey> Validation { get; }

    /// <summary>The key bytes, or null when <paramref name="base64"/> is not base64 of at least 256 bits.</summary>
    public static byte[]? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var length) && length >= MinimumKeyBytes ? buffer[..length] : null;
    }

    public static IReadOnlyList<string> Split(string keys) =>
        keys.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
