using InFocus.Domain.Common;
using InFocus.Domain.Data;
using Microsoft.Extensions.Logging;

namespace InFocus.Domain.Accounts;

/// <summary>Creates an account with its profile and first session.</summary>
public sealed partial class RegistrationService(
    InFocusDbContext db,
    PasswordHasher hasher,
    SessionTokens sessionTokens,
    ILogger<RegistrationService> logger)
{
    /// <summary>Registers; 409 when the email (in any letter case) already has an account.</summary>
    public async Task<RegistrationResponse> RegisterAsync(RegisterRequest request, ClientInfo client, CancellationToken cancellationToken)
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
        var tokens = sessionTokens.StartSession(user.Id, client);

        // The unique index on the normalized email decides duplicates, races included (409 via Constraints).
        await db.SaveChangesAsync(cancellationToken);
        LogRegistered(logger, user.Id);
        return new RegistrationResponse(user.ToResponse(), tokens);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} registered")]
    private static partial void LogRegistered(ILogger logger, string userId);
}
