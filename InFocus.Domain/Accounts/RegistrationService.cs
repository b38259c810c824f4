using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Accounts;

/// <summary>Creates accounts with their profile: signed in (a first session), or not.</summary>
public sealed partial class RegistrationService(
    InFocusDbContext db,
    PasswordHasher hasher,
    SessionTokens sessionTokens,
    ILogger<RegistrationService> logger)
{
    /// <summary>Registers and signs in; 409 when the email (in any letter case) already has an account.</summary>
    public async Task<RegistrationResponse> RegisterAsync(RegisterRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        var user = AddAccount(request);
        var tokens = sessionTokens.StartSession(user.Id, client);
        await SaveAsync(user, cancellationToken);
        return new RegistrationResponse(user.ToResponse(), tokens);
    }

    /// <summary>
    /// Registers without signing in (no session, no tokens), for flows that need only the account, such as joining a
    /// family from an invitation link; the same rules and answers as <see cref="RegisterAsync"/>.
    /// </summary>
    public async Task<UserResponse> CreateAccountAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var user = AddAccount(request);
        await SaveAsync(user, cancellationToken);
        return user.ToResponse();
    }

    private User AddAccount(RegisterRequest request)
    {
        var validation = new Validation()
            .Email("email", request.Email)
            .Required("name", request.Name, FieldLimits.PersonName);
        PasswordPolicy.Check(validation, "password", request.Password, request.Email);
        validation.ThrowIfInvalid();

        var user = new User
        {
            Email = EmailAddress.Normalize(request.Email!),
            Name = request.Name!.Trim(),
            PasswordHash = hasher.Hash(request.Password!),
        };
        user.Profile = new Profile { UserId = user.Id };
        db.Users.Add(user);
        return user;
    }

    /// <summary>The unique index on the normalized email decides duplicates, races included (409 via Constraints).</summary>
    private async Task SaveAsync(User user, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        LogRegistered(logger, user.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} registered")]
    private static partial void LogRegistered(ILogger logger, string userId);
}
