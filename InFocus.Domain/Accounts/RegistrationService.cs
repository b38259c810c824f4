using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Data;
using InFocus.Domain.Emails;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace InFocus.Domain.Accounts;

/// <summary>
/// Email-first registration: an account exists only once its address is verified. Registering answers the same
/// (202, the same body, after the same work) whether or not the address has an account, so it tells nobody which
/// addresses do: it always records a pending registration and queues its email, and the email decides (see
/// <see cref="EmailVerificationSource"/>). Registering an address that is still pending replaces its registration,
/// so only the newest link works and nobody can squat an address they cannot read.
/// </summary>
public sealed partial class RegistrationService(
    InFocusDbContext db,
    PasswordHasher hasher,
    RateLimiter limiter,
    EmailOutbox outbox,
    IOptions<AuthOptions> authOptions,
    IOptions<EmailLimitsOptions> emailLimits,
    TimeProvider clock,
    ILogger<RegistrationService> logger)
{
    /// <summary>The one answer to a registration, whatever became of it.</summary>
    public static readonly AcceptedResponse Accepted = new(
        "If this address can be registered, it has been sent an email with a link to finish. Check its inbox.");

    /// <summary>Records (or replaces) the pending registration and queues its email. 400 invalid input; 429 over a limit.</summary>
    public async Task<AcceptedResponse> RegisterAsync(RegisterRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        Validate(request);
        var email = EmailAddress.Normalize(request.Email!);
        var auth = authOptions.Value;
        await limiter.AcquireAsync(
            [
                RateLimit.PerHour($"registrations-per-client:{client.Address}", auth.RegistrationsPerClientPerHour, "Too many registrations from this address. Try again later."),
                AccountEmailLimits.PerAddress(email, auth),
                emailLimits.Value.Budget,
            ],
            cancellationToken);

        var token = SecureToken.Generate();
        var row = await UpsertAsync(email, request.Name!.Trim(), await hasher.HashAsync(request.Password!, cancellationToken), token, clock.GetUtcNow() + auth.EmailVerificationExpiry, cancellationToken);
        await outbox.TryEnqueueAsync(EmailKind.EmailVerification, row, token, cancellationToken);
        LogRegistrationRecorded(logger, row.Id, row.SendCount);
        return Accepted;
    }

    /// <summary>
    /// Creates a verified account at once, without signing in, for flows whose link already proved the address, such as
    /// joining a family from an invitation email; the same rules as <see cref="RegisterAsync"/>. 409 when the address
    /// (in any letter case) already has an account. A pending registration of the address is dropped.
    /// </summary>
    public async Task<UserResponse> CreateAccountAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var user = NewUser(EmailAddress.Normalize(request.Email!), request.Name!.Trim(), await hasher.HashAsync(request.Password!, cancellationToken));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.PendingRegistrations.Where(r => r.Email == user.Email).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogRegistered(logger, user.Id);
        return user.ToResponse();
    }

    /// <summary>Adds (tracked, unsaved) a verified account with its profile; the unique index on the email decides duplicates (409).</summary>
    internal User NewUser(string email, string name, string passwordHash)
    {
        var user = new User { Email = email, Name = name, PasswordHash = passwordHash };
        user.Profile = new Profile { UserId = user.Id };
        db.Users.Add(user);
        return user;
    }

    private static void Validate(RegisterRequest request)
    {
        var validation = new Validation()
            .Email("email", request.Email)
            .Required("name", request.Name, FieldLimits.PersonName);
        PasswordPolicy.Check(validation, "password", request.Password, request.Email);
        validation.ThrowIfInvalid();
    }

    /// <summary>
    /// One statement: a new pending registration, or the address's existing one replaced (new name, password, token
    /// and expiry; <c>send_count</c> + 1 so the previous link and its queued email are stale). Concurrent registrations
    /// of one address serialize on the unique index; the last one wins.
    /// </summary>
    private async Task<PendingRegistration> UpsertAsync(
        string email, string name, string passwordHash, string token, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<UpsertedRow>(
                """
                INSERT INTO pending_registrations (id, email, name, password_hash, token_hash, expires_at, email_status)
                VALUES (@id, @email, @name, @password_hash, @token_hash, @expires_at, 'pending')
                ON CONFLICT (email) DO UPDATE SET
                    name = excluded.name, password_hash = excluded.password_hash, token_hash = excluded.token_hash,
                    expires_at = excluded.expires_at, send_count = pending_registrations.send_count + 1,
                    email_status = 'pending', email_enqueued_at = NULL, email_lease_until = NULL, email_sent_at = NULL, email_error = NULL
                RETURNING id, send_count
                """,
                new NpgsqlParameter("id", Cuid.NewId()),
                new NpgsqlParameter("email", email),
                new NpgsqlParameter("name", name),
                new NpgsqlParameter("password_hash", passwordHash),
                new NpgsqlParameter("token_hash", SecureToken.Hash(token)),
                new NpgsqlParameter("expires_at", expiresAt))
            .ToListAsync(cancellationToken);
        var row = rows.Single();
        return new PendingRegistration
        {
            Id = row.Id,
            Email = email,
            Name = name,
            PasswordHash = passwordHash,
            TokenHash = SecureToken.Hash(token),
            ExpiresAt = expiresAt,
            SendCount = row.SendCount,
        };
    }

    /// <summary>A row of the upsert's RETURNING clause (columns in the model's snake_case).</summary>
    private sealed record UpsertedRow(string Id, int SendCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration {RegistrationId} recorded (send {SendCount}); its email is queued")]
    private static partial void LogRegistrationRecorded(ILogger logger, string registrationId, int sendCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} registered")]
    private static partial void LogRegistered(ILogger logger, string userId);
}
