using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Accepts an access token only while its session is active: every request reads the session by primary key, so
/// ending a session (logout, password change, refresh-token theft) stops its access tokens immediately. The
/// session's last-used time is written at most once a minute, not on every request.
/// </summary>
internal sealed class AccessTokenValidator(InFocusDbContext db, AccessTokens tokens, TimeProvider clock) : IAccessTokenValidator
{
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The active session's last use, or null. Compiled once: every authenticated request runs it, and a compiled query
    /// skips EF Core's per-call work of evaluating the query's closure and looking up its cached plan.
    /// </summary>
    private static readonly Func<InFocusDbContext, string, string, DateTimeOffset, CancellationToken, Task<DateTimeOffset?>> ActiveSessionLastUsed =
        EF.CompileAsyncQuery((InFocusDbContext db, string sessionId, string userId, DateTimeOffset now, CancellationToken _) => db.Sessions
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .Select(s => (DateTimeOffset?)s.LastUsedAt)
            .FirstOrDefault());

    public async Task<CurrentUser> ValidateAsync(string accessToken, CancellationToken cancellationToken)
    {
        var user = await tokens.ReadAsync(accessToken) ?? throw Rejected();
        var now = clock.GetUtcNow();
        var lastUsedAt = await ActiveSessionLastUsed(db, user.SessionId, user.UserId, now, cancellationToken) ?? throw Rejected();

        var stale = now - LastUsedResolution;
        if (lastUsedAt < stale)
        {
            await db.Sessions
                .Where(s => s.Id == user.SessionId && s.LastUsedAt < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastUsedAt, now), cancellationToken);
        }

        return user;
    }

    private static AuthenticationException Rejected() =>
        new("The access token is invalid, expired, or its session has ended. Refresh it or sign in again.", invalidToken: true);
}
