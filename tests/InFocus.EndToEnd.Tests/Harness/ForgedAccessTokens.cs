using System.Buffers.Text;
using System.Text;
using InFocus.Domain.Common;
using InFocus.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// Access tokens made outside the app, shaped like its own (<c>at+jwt</c>, HS256, <c>sub</c>/<c>sid</c>/<c>jti</c>,
/// 15 minutes), with one thing changed at a time, to prove which tokens the app refuses.
/// </summary>
public static class ForgedAccessTokens
{
    /// <summary>The signing key of the hosts under test (the sample settings' development key).</summary>
    public static byte[] HostKey { get; } = Convert.FromBase64String(TestSettings.Sample["Jwt__SigningKey"]);

    public static string HostIssuer { get; } = TestSettings.Sample["Jwt__Issuer"];

    public static string HostAudience { get; } = TestSettings.Sample["Jwt__Audience"];

    /// <summary>
    /// A token for <paramref name="userId"/>'s session <paramref name="sessionId"/> (new ids when null) issued at
    /// <paramref name="issued"/> (now when null), by default exactly as the host would sign it.
    /// </summary>
    public static string Create(
        string? userId = null,
        string? sessionId = null,
        byte[]? key = null,
        string? issuer = null,
        string? audience = null,
        DateTime? issued = null,
        bool unsigned = false)
    {
        var at = issued ?? DateTime.UtcNow;
        var signed = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? HostIssuer,
            Audience = audience ?? HostAudience,
            IssuedAt = at,
            NotBefore = at,
            Expires = at.AddMinutes(15),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId ?? Cuid.NewId(),
                ["sid"] = sessionId ?? Cuid.NewId(),
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? HostKey), SecurityAlgorithms.HmacSha256),
        });
        if (!unsigned)
        {
            return signed;
        }

        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"at+jwt"}"""));
        return $"{header}.{new JsonWebToken(signed).EncodedPayload}.";
    }

    /// <summary>The user and session an access token names.</summary>
    public static (string UserId, string SessionId) Subject(string accessToken)
    {
        var token = new JsonWebToken(accessToken);
        return (token.Subject, token.GetClaim("sid").Value);
    }
}
