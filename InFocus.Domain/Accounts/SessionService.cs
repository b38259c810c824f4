using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Accounts;

/// <summary>The signed-in user's sessions: list them, end one, end the current one, end all.</summary>
public sealed class SessionService(InFocusDbContext db, SessionRevocation revocation, TimeProvider clock)
{
    private const string CursorKind = "sessions";

    public Task LogoutAsync(CurrentUser user, CancellationToken cancellationToken) =>
        revocation.RevokeAsync(Own(user).Where(s => s.Id == user.SessionId), SessionRevocationReason.Logout, cancellationToken);

    public Task LogoutAllAsync(CurrentUser user, CancellationToken cancellationToken) =>
        revocation.RevokeAsync(Own(user), SessionRevocationReason.LogoutAll, cancellationToken);

    /// <summary>Ends one of the user's active sessions (the current one included); 404 for anything else.</summary>
    public async Task EndAsync(CurrentUser user, string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ended = Cuid.IsValid(sessionId)
            && await revocation.RevokeAsync(
                Own(user).Where(s => s.Id == sessionId && s.ExpiresAt > now),
                SessionRevocationReason.Ended,
                cancellationToken) == 1;
        if (!ended)
        {
            throw new NotFoundException("Session");
        }
    }

    /// <summary>Active sessions, newest first.</summary>
    public async Task<Page<SessionResponse>> ListAsync(CurrentUser user, PageRequest page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await Own(user)
            .Where(s => s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByKeyset(s => s.CreatedAt, s => s.Id, descending: true, Keyset.After<DateTimeOffset>(CursorKind, page.Cursor))
            .Take(page.Limit + 1)
            .Select(s => new SessionResponse(s.Id, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.UserAgent, s.Id == user.SessionId))
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, CursorKind, s => s.CreatedAt, s => s.Id);
    }

    private IQueryable<Session> Own(CurrentUser user) => db.Sessions.Where(s => s.UserId == user.UserId);
}
