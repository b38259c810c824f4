using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace InFocus.Baseline;

/// <summary>
/// The same authentication work as InFocus per request: the bearer JWT validated with the same parameters (HMAC-SHA256,
/// type at+jwt, issuer, audience, lifetime), then its session read by primary key, its last use written at most once
/// a minute.
/// </summary>
internal sealed class AccessTokenCheck(BaselineOptions options)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _validation = new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = new SymmetricSecurityKey(options.SigningKey),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidTypes = ["at+jwt"],
        ClockSkew = TimeSpan.FromSeconds(30),
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
    };

    /// <summary>The signed-in user's id, or null (then the caller answers 401).</summary>
    public async Task<string?> UserAsync(HttpRequest request, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var result = await _handler.ValidateTokenAsync(header["Bearer ".Length..].Trim(), _validation);
        if (!result.IsValid
            || !result.Claims.TryGetValue("sub", out var sub) || sub is not string userId
            || !result.Claims.TryGetValue("sid", out var sid) || sid is not string sessionId)
        {
            return null;
        }

        var now = DateTime.UtcNow;
        await using var command = new NpgsqlCommand(BaselineSql.Session, connection) { Parameters = { new() { Value = sessionId }, new() { Value = userId }, new() { Value = now } } };
        if (await command.ExecuteScalarAsync(cancellationToken) is not DateTime lastUsedAt)
        {
            return null;
        }

        if (lastUsedAt < now - LastUsedResolution)
        {
            await using var touch = new NpgsqlCommand(BaselineSql.TouchSession, connection)
            {
                Parameters = { new() { Value = now }, new() { Value = sessionId }, new() { Value = now - LastUsedResolution } },
            };
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        return userId;
    }
}
