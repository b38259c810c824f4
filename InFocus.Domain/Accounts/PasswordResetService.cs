using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

/// <summary>
/// A way back in for someone who forgot their password. Asking answers the same (202, the same body, after the same
/// work) whether or not the address has an account: it always records a reset request and queues its email, and the
/// delivery sends the link only to an address with an account (see <see cref="PasswordResetSource"/>).
/// </summary>
public sealed partial class PasswordResetService(
    InFocusDbContext db,
    PasswordHasher hasher,
    RateLimiter limiter,
    EmailOutbox outbox,
    SessionRevocation revocation,
    IOptions<AuthOptions> authOptions,
    IOptions<EmailLimitsOptions> emailLimits,
    TimeProvider clock,
    ILogger<PasswordResetService> logger)
{
    /// <summary>The one answer to a reset request.</summary>
    public static readonly AcceptedResponse Requested = new(
        "If this address has an InFocus account, it has been sent a link to choose a new password. Check its inbox.");

    /// <summary>Records the request and queues its email. 400 invalid email; 429 over a limit (per address, per client, app-wide).</summary>
    public async Task<AcceptedResponse> RequestAsync(PasswordResetRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var email = await limiter.AcquireForAddressAsync(request.Email, client, authOptions.Value, emailLimits.Value, cancellationToken);
        var token = SecureToken.Generate();
        var reset = new PasswordReset { Email = email, TokenHash = SecureToken.Hash(token), ExpiresAt = clock.GetUtcNow() + authOptions.Value.PasswordResetExpiry };
        db.PasswordResets.Add(reset);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.TryEnqueueAsync(EmailKind.PasswordReset, reset, token, cancellationToken);
        return Requested;
    }

    /// <summary>
    /// Sets a new password (under the password rules) with a reset link, uses up every link of the address, and ends
    /// every session of the account; signs nothing in. One transaction: of two confirmations with one link, one wins and
    /// the other finds the link used. 400 invalid password or no token; 404 unknown, used or expired link.
    /// </summary>
    public async Task ConfirmAsync(PasswordResetConfirmRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("token", request.Token, 100);
        PasswordPolicy.Check(validation, "newPassword", request.NewPassword, null);
        validation.ThrowIfInvalid();
        if (!SecureToken.HasValidShape(request.Token))
        {
            throw NotFound();
        }

        var hash = SecureToken.Hash(request.Token!);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var used = await db.Database.SqlQuery<string>($"""
                UPDATE password_resets SET used_at = {now}
                WHERE token_hash = {hash} AND used_at IS NULL AND expires_at > {now}
                RETURNING email AS "Value"
                """)
            .ToListAsync(cancellationToken);
        var email = used.SingleOrDefault() ?? throw NotFound();
        var user = await db.Users.Where(u => u.Email == email).FirstOrDefaultAsync(cancellationToken) ?? throw NotFound();
        var policy = new Validation();
        PasswordPolicy.Check(policy, "newPassword", request.NewPassword, user.Email);
        policy.ThrowIfInvalid();

        user.PasswordHash = await hasher.HashAsync(request.NewPassword!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.PasswordResets.Where(r => r.Email == email && r.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), cancellationToken);
        var ended = await revocation.RevokeAsync(db.Sessions.Where(s => s.UserId == user.Id), SessionRevocationReason.PasswordReset, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogReset(logger, user.Id, ended);
    }

    /// <summary>
    /// 404 for a token no link of ours can carry, before the page that asks to confirm it is shown (the page itself
    /// does not use the link: mail scanners open links too).
    /// </summary>
    public static void EnsureLinkShape(string token)
    {
        if (!SecureToken.HasValidShape(token))
        {
            throw NotFound();
        }
    }

    private static NotFoundException NotFound() => new("Password-reset link");

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} reset the password; {EndedSessions} sessions ended")]
    private static partial void LogReset(ILogger logger, string userId, int endedSessions);
}
