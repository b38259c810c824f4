using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Families;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Deletes an account and everything it owns (hard delete: the foreign keys cascade to profile, sessions, refresh
/// tokens, watchlist, memberships and recommendations; families and invitations it created keep living without it).
/// In the same transaction no family is left without an admin: where the user is the only admin and others remain,
/// the longest-standing other member becomes admin; families where the user is the only member are deleted.
/// </summary>
public sealed partial class AccountDeletionService(
    InFocusDbContext db,
    LoginThrottle throttle,
    ILogger<AccountDeletionService> logger)
{
    public async Task DeleteAsync(CurrentUser user, DeleteAccountRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Password))
        {
            throw ValidationException.For("password", "is required.");
        }

        var account = await db.Users.Where(u => u.Id == user.UserId).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("User");
        if (!await throttle.CheckAsync(account.Email, client.Address, request.Password, account.PasswordHash, cancellationToken))
        {
            throw ValidationException.For("password", "is incorrect.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockFamiliesAsync(user.UserId, cancellationToken);
        await DeleteFamiliesOnlyTheUserBelongsToAsync(user.UserId, cancellationToken);
        await HandOverAdminAsync(user.UserId, cancellationToken);
        if (await db.Users.Where(u => u.Id == user.UserId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            // A deletion at the same time got there first: this request's session went with the account.
            throw new AuthenticationException("The session has ended: the account was deleted.");
        }

        await db.LoginFailures.Where(f => f.Email == account.Email).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogDeleted(logger, user.UserId);
    }

    /// <summary>
    /// Locks the rows of the user's families (in id order, so concurrent deletions cannot deadlock): membership and
    /// role changes that lock the family row wait until the hand-over below is committed.
    /// </summary>
    private Task LockFamiliesAsync(string userId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            SELECT f.id FROM families f
            WHERE f.id IN (SELECT m.family_id FROM family_memberships m WHERE m.user_id = {userId})
            ORDER BY f.id FOR UPDATE
            """,
            cancellationToken);

    private Task<int> DeleteFamiliesOnlyTheUserBelongsToAsync(string userId, CancellationToken cancellationToken) =>
        db.Families
            .Where(f => f.Memberships.Any(m => m.UserId == userId) && f.Memberships.All(m => m.UserId == userId))
            .ExecuteDeleteAsync(cancellationToken);

    /// <summary>In each family where the user is the only admin, promotes the member who joined first (then lowest id).</summary>
    private Task<int> HandOverAdminAsync(string userId, CancellationToken cancellationToken)
    {
        var admin = SnakeCaseEnum<FamilyRole>.ToName(FamilyRole.Admin);
        return db.Database.ExecuteSqlAsync(
            $"""
            UPDATE family_memberships SET role = {admin}
            WHERE id IN (
                SELECT DISTINCT ON (heir.family_id) heir.id
                FROM family_memberships heir
                JOIN family_memberships leaving
                    ON leaving.family_id = heir.family_id AND leaving.user_id = {userId} AND leaving.role = {admin}
                WHERE heir.user_id <> {userId}
                    AND NOT EXISTS (
                        SELECT 1 FROM family_memberships other
                        WHERE other.family_id = heir.family_id AND other.role = {admin} AND other.user_id <> {userId})
                ORDER BY heir.family_id, heir.joined_at, heir.id)
            """,
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} deleted")]
    private static partial void LogDeleted(ILogger logger, string userId);
}
