using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

/// <summary>Finishes a registration from its emailed link, and sends a pending registration a new link.</summary>
public sealed partial class EmailVerificationService(
    InFocusDbContext db,
    RegistrationService registration,
    SessionTokens sessionTokens,
    RateLimiter limiter,
    EmailOutbox outbox,
    IOptions<AuthOptions> authOptions,
    IOptions<EmailLimitsOptions> emailLimits,
    TimeProvider clock,
    ILogger<EmailVerificationService> logger)
{
    /// <summary>The one answer to a resend, whether or not the address has a pending registration.</summary>
    public static readonly AcceptedResponse Resent = new(
        "If this address has a registration waiting for verification, it has been sent a new link. Check its inbox.");

    /// <summary>
    /// Creates the account of the registration whose link this is and signs it in (the link proved the address), in one
    /// transaction with removing the registration, so a link works once. 400 no token; 404 unknown, used, replaced or
    /// expired link; 409 the address got an account meanwhile (for example from an invitation).
    /// </summary>
    public async Task<RegistrationResponse> VerifyAsync(VerifyEmailRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        new Validation().Required("token", request.Token, 100).ThrowIfInvalid();
        var (user, tokens) = await CreateAccountAsync(request.Token!, client, cancellationToken);
        return new RegistrationResponse(user, tokens!);
    }

    /// <summary>As <see cref="VerifyAsync"/> without signing in, for the page the emailed link opens.</summary>
    public async Task<UserResponse> VerifyWithoutSignInAsync(string token, CancellationToken cancellationToken) =>
        (await CreateAccountAsync(token, null, cancellationToken)).User;

    private async Task<(UserResponse User, TokenPair? Tokens)> CreateAccountAsync(string token, ClientInfo? client, CancellationToken cancellationToken)
    {
        if (!SecureToken.HasValidShape(token))
        {
            throw NotFound();
        }

        var hash = SecureToken.Hash(token);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = await db.PendingRegistrations
            .FromSql($"DELETE FROM pending_registrations WHERE token_hash = {hash} AND expires_at > {now} RETURNING *")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var verified = pending.SingleOrDefault() ?? throw NotFound();
        var user = registration.NewUser(verified.Email, verified.Name, verified.PasswordHash);
        var tokens = client is null ? null : sessionTokens.StartSession(user.Id, client);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogVerified(logger, user.Id);
        return (user.ToResponse(), tokens);
    }

    /// <summary>
    /// A new link (and email) for the address's pending registration; the previous link stops working. Answers the same
    /// whether or not there is one. 400 invalid email; 429 over a limit.
    /// </summary>
    public async Task<AcceptedResponse> ResendAsync(ResendVerificationRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var email = await limiter.AcquireForAddressAsync(request.Email, client, authOptions.Value, emailLimits.Value, cancellationToken);
        var now = clock.GetUtcNow();
        var token = SecureToken.Generate();
        var hash = SecureToken.Hash(token);
        var reissued = await db.PendingRegistrations
            .FromSql($"""
                UPDATE pending_registrations SET token_hash = {hash}, send_count = send_count + 1, email_status = 'pending',
                    email_enqueued_at = NULL, email_lease_until = NULL, email_sent_at = NULL, email_error = NULL
                WHERE email = {email} AND expires_at > {now}
                RETURNING *
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (reissued.SingleOrDefault() is { } row)
        {
            await outbox.TryEnqueueAsync(EmailKind.EmailVerification, row, token, cancellationToken);
        }

        return Resent;
    }

    /// <summary>Unknown, used, replaced and expired links are alike: a link that does not work, nothing more.</summary>
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

    private static NotFoundException NotFound() => new("Verification link");

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} registered with a verified address")]
    private static partial void LogVerified(ILogger logger, string userId);
}
