using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Signs in with email and password. A wrong email and a wrong password get the same 401 after the same work (the
/// throttle's two statements, one lookup, one bcrypt run), so responses do not tell which accounts exist.
/// </summary>
public sealed partial class SignInService(
    InFocusDbContext db,
    PasswordHasher hasher,
    LoginThrottle throttle,
    SessionTokens sessionTokens,
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

    /// <summary>The account whose password this is (tracked, its hash upgraded when due; the caller saves), or 401 / 429.</summary>
    private async Task<User> AuthenticateAsync(LoginRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var validation = new Validation().Email("email", request.Email);
        if (string.IsNullOrEmpty(request.Password))
        {
            validation.Add("password", "is required.");
        }

        validation.ThrowIfInvalid();

        var email = EmailAddress.Normalize(request.Email!);
        await throttle.BeginAsync(email, client.Address, cancellationToken);
        var user = await db.Users.Where(u => u.Email == email).FirstOrDefaultAsync(cancellationToken);
        if (!hasher.Verify(request.Password!, user?.PasswordHash))
        {
            LogFailed(logger, client.Address);
            throw new AuthenticationException("The email address or password is incorrect.");
        }

        await throttle.SucceededAsync(email, cancellationToken);
        if (hasher.NeedsRehash(user!.PasswordHash))
        {
            user.PasswordHash = hasher.Hash(request.Password!);
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
