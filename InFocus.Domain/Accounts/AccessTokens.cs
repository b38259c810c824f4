using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Issues and reads the access tokens: JWTs (RFC 9068 type <c>at+jwt</c>) signed with HMAC-SHA256, carrying the user
/// (<c>sub</c>), the session (<c>sid</c>) and a unique id (<c>jti</c>). Reading checks signature, algorithm, type,
/// issuer, audience and lifetime; whether the session is still active is <see cref="AccessTokenValidator"/>'s job.
/// </summary>
public sealed class AccessTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private const string TokenType = "at+jwt";
    private const string SessionClaim = "sid";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly JwtOptions _options;
    private readonly JwtKeys _keys;
    private readonly TimeProvider _clock;
    private readonly TokenValidationParameters _validation;

    public AccessTokens(IOptions<JwtOptions> options, JwtKeys keys, TimeProvider clock)
    {
        _options = options.Value;
        _keys = keys;
        _clock = clock;
        _validation = new TokenValidationParameters
        {
            ValidIssuer = _options.Issuer,
            ValidAudience = _options.Audience,
            IssuerSigningKeys = keys.Validation,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [TokenType],
            ClockSkew = ClockSkew,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            LifetimeValidator = IsWithinLifetime,
        };
    }

    public IssuedAccessToken Issue(string userId, string sessionId)
    {
        // JWT times have whole seconds; the expiry reported to the client is the one in the token.
        var now = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + Lifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            TokenType = TokenType,
            SigningCredentials = new SigningCredentials(_keys.Signing, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId,
                [SessionClaim] = sessionId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
        return new IssuedAccessToken(token, expires);
    }

    /// <summary>The caller named by a valid token, or null for anything forged, expired, foreign or malformed.</summary>
    public async Task<CurrentUser?> ReadAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, _validation);
        if (!result.IsValid
            || !result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var sub)
            || !result.Claims.TryGetValue(SessionClaim, out var sid)
            || sub is not string userId
            || sid is not string sessionId
            || !Common.Cuid.IsValid(userId)
            || !Common.Cuid.IsValid(sessionId))
        {
            return null;
        }

        return new CurrentUser(userId, sessionId);
    }

    // The library's own lifetime check reads the system clock; this one reads the injected clock (tests move it).
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return expires is { } end
            && end > now - ClockSkew
            && (notBefore is not { } start || start <= now + ClockSkew);
    }
}

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);
