using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Changes the password after proving the current one (throttled like a sign-in, so a stolen access token cannot be
/// used to guess it) and ends every other session of the user; the calling session stays signed in.
/// </summary>
public sealed partial class PasswordChangeService(
    InFocusDbContext db,
    PasswordHasher hasher,
    LoginThrottle throttle,
    SessionRevocation revocation,
    ILogger<PasswordChangeService> logger)
{
    public async Task ChangeAsync(CurrentUser user, ChangePasswordRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var account = await db.Users.Where(u => u.Id == user.UserId).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("User");
        var validation = new Validation();
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            validation.Add("currentPassword", "is required.");
        }

        PasswordPolicy.Check(validation, "newPassword", request.NewPassword, account.Email);
        if (validation.IsValid && request.NewPassword == request.CurrentPassword)
        {
            validation.Add("newPassword", "must differ from the current password.");
        }

        validation.ThrowIfInvalid();

        if (!await throttle.CheckAsync(account.Email, client.Address, request.CurrentPassword!, account.PasswordHash, cancellationToken))
        {
            throw ValidationException.For("currentPassword", "is incorrect.");
        }

        account.PasswordHash = await hasher.HashAsync(request.NewPassword!, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var ended = await revocation.RevokeAsync(
            db.Sessions.Where(s => s.UserId == user.UserId && s.Id != user.SessionId),
            SessionRevocationReason.PasswordChanged,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogChanged(logger, user.UserId, ended);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} changed the password; {EndedSessions} other sessions ended")]
    private static partial void LogChanged(ILogger logger, string userId, int endedSessions);
}
