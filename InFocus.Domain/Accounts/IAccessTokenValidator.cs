namespace InFocus.Domain.Accounts;

/// <summary>Validates a bearer access token and the session it names.</summary>
public interface IAccessTokenValidator
{
    /// <summary>
    /// Returns the caller, or throws <see cref="Common.AuthenticationException"/> (with <c>InvalidToken</c> set)
    /// when the token is malformed, forged, expired, or its session has ended.
    /// </summary>
    Task<CurrentUser> ValidateAsync(string accessToken, CancellationToken cancellationToken);
}
