using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace InFocus.Domain.Common;

/// <summary>
/// Bearer secrets (refresh and invitation tokens): 256 random bits, URL-safe. Only their SHA-256 hash is
/// stored, so a database leak does not leak usable tokens.
/// </summary>
public static class SecureToken
{
    private const int TokenBytes = 32;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>True when <paramref name="value"/> could be a token made by <see cref="Generate"/>.</summary>
    public static bool HasValidShape(string? value) =>
        value is { Length: 43 } && Base64Url.IsValid(value, out var length) && length == TokenBytes;
}
