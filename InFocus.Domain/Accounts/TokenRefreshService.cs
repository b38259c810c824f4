using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Exchanges a refresh token for a new pair in the same session. Each refresh token works once: a conditional UPDATE
/// revokes it, so of two requests racing with the same token exactly one gets a new pair. Presenting a token that has
/// already been used is treated as theft (the server cannot tell a thief from a racing duplicate): the whole session
/// is revoked and the caller gets 401.
/// </summary>
public sealed partial class TokenRefreshService(
    InFocusDbContext db,
    SessionTokens sessionTokens,
    SessionRevocation revocation,
    TimeProvider clock,
    ILogger<TokenRefreshService> logger)
{
    public async Task<TokenPair> RefreshAsync(RefreshRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.RefreshToken))
        {
            throw ValidationException.For("refreshToken", "is required.");
        }

        if (!SecureToken.HasValidShape(request.RefreshToken))
        {
            throw Rejected();
        }

        var hash = SecureToken.Hash(request.RefreshToken);
        var now = clock.GetUtcNow();
        var token = await db.RefreshTokens
            .Where(t => t.TokenHash == hash)
            .Select(t => new
            {
                t.Id,
                t.UserId,
                t.SessionId,
                t.Revoked,
                Usable = t.ExpiresAt > now && t.Session!.RevokedAt == null && t.Session.ExpiresAt > now,
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw Rejected();

        if (token.Revoked)
        {
            throw await RevokeForReuseAsync(token.SessionId, token.UserId, cancellationToken);
        }

        if (!token.Usable)
        {
            throw Rejected();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The row lock this takes makes a racing request wait, then find the token revoked: it loses.
        var rotated = await db.RefreshTokens
            .Where(t => t.Id == token.Id && !t.Revoked)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Revoked, true).SetProperty(t => t.RevokedAt, now), cancellationToken);
        if (rotated == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            throw await RevokeForReuseAsync(token.SessionId, token.UserId, cancellationToken);
        }

        var pair = sessionTokens.Issue(token.UserId, token.SessionId, now);
        await db.Sessions
            .Where(s => s.Id == token.SessionId)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(x => x.LastUsedAt, now)
                    .SetProperty(x => x.ExpiresAt, pair.RefreshTokenExpiresAt)
                    .SetProperty(x => x.UserAgent, client.UserAgent)
                    .SetProperty(x => x.ClientAddress, client.Address),
                cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pair;
    }

    /// <summary>Ends the session of a reused token; returns the 401 to throw.</summary>
    private async Task<AuthenticationException> RevokeForReuseAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        await revocation.RevokeAsync(db.Sessions.Where(s => s.Id == sessionId), SessionRevocationReason.RefreshTokenReuse, cancellationToken);
        LogReuse(logger, sessionId, userId);
        return Rejected();
    }

    private static AuthenticationException Rejected() =>
        new("The refresh token is invalid, expired or already used. Sign in again.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A used refresh token was presented again: session {SessionId} of user {UserId} revoked")]
    private static partial void LogReuse(ILogger logger, string sessionId, string userId);
}
