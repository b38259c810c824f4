using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Signs in with email and password. A wrong email and a wrong password get the same 401 after the same work (the
/// throttle's statements, the lookups, one bcrypt run), so responses do not tell which accounts exist. An address whose
/// registration is not verified yet answers as unknown, except to the password of that registration: 403, saying so.
/// </summary>
public sealed partial class SignInService(
    InFocusDbContext db,
    PasswordHasher hasher,
    LoginThrottle throttle,
    SessionTokens sessionTokens,
    TimeProvider clock,
    ILogger<SignInService> logger)
{
    public async Task<TokenPair> LoginAsync(LoginRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var user = await AuthenticateAsync(request, client, cancellationToken);
        var tokens = sessionTokens.StartSession(user.Id, client);
        await db.SaveChangesAsync(cancellationToken);
        LogSignedIn(logger, user.Id);
        return tokens;
    }

    /// <summary>
    /// Checks an email and password exactly as <see cref="LoginAsync"/> does (the same validation, brute-force throttle,
    /// answers and hash upgrade) without starting a session; returns the account's id. For flows that need proof of
    /// the password but no tokens, such as joining a family from an invitation link.
    /// </summary>
    public async Task<string> VerifyAsync(LoginRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var user = await AuthenticateAsync(request, client, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogVerified(logger, user.Id);
        return user.Id;
    }

    /// <summary>The account whose password this is (tracked, its hash upgraded when due; the caller saves), or 401 / 403 / 429.</summary>
    private async Task<User> AuthenticateAsync(LoginRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var validation = new Validation().Email("email", request.Email);
        if (string.IsNullOrEmpty(request.Password))
        {
            validation.Add("password", "is required.");
        }

        validation.ThrowIfInvalid();

        var email = EmailAddress.Normalize(request.Email!);
        var user = await db.Users.Where(u => u.Email == email).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Looked up whether or not the account exists, so both answers cost the same statements.
        var pendingHash = await db.PendingRegistrations
            .Where(r => r.Email == email && r.ExpiresAt > now)
            .Select(r => r.PasswordHash)
            .FirstOrDefaultAsync(cancellationToken);
        if (!await throttle.CheckAsync(email, client.Address, request.Password!, user?.PasswordHash ?? pendingHash, cancellationToken))
        {
            LogFailed(logger, client.Address);
            throw new AuthenticationException("The email address or password is incorrect.");
        }

        if (user is null)
        {
            throw new ForbiddenException(
                "This email address is not verified yet: open the link in the email we sent to it, or ask for a new one with POST /api/auth/verify-email/resend.");
        }

        if (hasher.NeedsRehash(user.PasswordHash))
        {
            user.PasswordHash = await hasher.HashAsync(request.Password!, cancellationToken);
        }

        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} proved their password")]
    private static partial void LogVerified(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in failed from {ClientAddress}")]
    private static partial void LogFailed(ILogger logger, string clientAddress);
}
