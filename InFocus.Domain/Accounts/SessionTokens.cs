using InFocus.Domain.Common;
using InFocus.Domain.Data;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Starts sessions and issues their token pairs. Refresh tokens last 30 days and so does the session from its latest
/// refresh (a session used at least once a month stays signed in). Entities are added to the context; the caller
/// saves them together with its own changes.
/// </summary>
public sealed class SessionTokens(InFocusDbContext db, AccessTokens accessTokens, TimeProvider clock)
{
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);

    public TokenPair StartSession(string userId, ClientInfo client)
    {
        var now = clock.GetUtcNow();
        var session = new Session
        {
            UserId = userId,
            UserAgent = client.UserAgent,
            ClientAddress = client.Address,
            LastUsedAt = now,
            ExpiresAt = now + RefreshTokenLifetime,
        };
        db.Sessions.Add(session);
        return Issue(userId, session.Id, now);
    }

    /// <summary>A new pair for an existing session (whose expiry the caller moves to the new refresh token's).</summary>
    public TokenPair Issue(string userId, string sessionId, DateTimeOffset now)
    {
        var refreshToken = SecureToken.Generate();
        var refreshExpires = now + RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            UserId = userId,
            SessionId = sessionId,
            TokenHash = SecureToken.Hash(refreshToken),
            ExpiresAt = refreshExpires,
        });
        var access = accessTokens.Issue(userId, sessionId);
        return new TokenPair(access.Token, access.ExpiresAt, refreshToken, refreshExpires);
    }
}
