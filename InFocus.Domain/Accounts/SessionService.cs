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
        var query = Own(user).Where(s => s.RevokedAt == null && s.ExpiresAt > now);
        if (page.Cursor is not null)
        {
            var after = PageCursor.Decode<SessionPosition>(CursorKind, page.Cursor);
            query = query.Where(s => s.CreatedAt < after.CreatedAt || (s.CreatedAt == after.CreatedAt && string.Compare(s.Id, after.Id) < 0));
        }

        var rows = await query
            .OrderByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id)
            .Take(page.Limit + 1)
            .Select(s => new SessionResponse(s.Id, s.CreatedAt, s.LastUsedAt, s.ExpiresAt, s.UserAgent, s.Id == user.SessionId))
            .ToListAsync(cancellationToken);
        return PageCursor.ToPage(rows, page.Limit, CursorKind, s => new SessionPosition(s.CreatedAt, s.Id));
    }

    private IQueryable<Session> Own(CurrentUser user) => db.Sessions.Where(s => s.UserId == user.UserId);

    private sealed record SessionPosition(DateTimeOffset CreatedAt, string Id);
}
