using System.Text.Json;

namespace InFocus.Domain.Accounts;

public sealed record UserResponse(string Id, string Email, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ProfileResponse(string? Bio, string? Avatar, JsonElement Preferences, DateTimeOffset UpdatedAt);

/// <summary>The signed-in user, their profile and how many of their notifications are unread.</summary>
public sealed record MeResponse(UserResponse User, ProfileResponse Profile, int UnreadNotifications);

/// <summary>The one response that carries secrets: a new access token and the session's new refresh token.</summary>
public sealed record TokenPair(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt)
{
    public string TokenType => "Bearer";
}

public sealed record RegistrationResponse(UserResponse User, TokenPair Tokens);

public sealed record SessionResponse(
    string Id,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt,
    string? UserAgent,
    bool Current);

/// <summary>The answer of requests that must not tell whether an address has an account: always the same text.</summary>
public sealed record AcceptedResponse(string Message);
