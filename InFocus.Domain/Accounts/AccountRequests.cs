using System.Text.Json;
using InFocus.Domain.Common;

namespace InFocus.Domain.Accounts;

public sealed record RegisterRequest(string? Email, string? Password, string? Name);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record UpdateMeRequest(string? Name);

/// <summary>Absent members stay as they are; <c>null</c> clears; <c>preferences</c> is an RFC 7396 merge patch.</summary>
public sealed record UpdateProfileRequest(Optional<string?> Bio, Optional<string?> Avatar, Optional<JsonElement> Preferences);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record DeleteAccountRequest(string? Password);

/// <summary>Where a request came from: the client address rate limits count by, and the user agent sessions show.</summary>
public sealed record ClientInfo(string Address, string? UserAgent);

public sealed record VerifyEmailRequest(string? Token);

/// <summary>An address whose pending registration should get a new verification link.</summary>
public sealed record ResendVerificationRequest(string? Email);

public sealed record PasswordResetRequest(string? Email);

public sealed record PasswordResetConfirmRequest(string? Token, string? NewPassword);
