namespace InFocus.Domain.Common;

/// <summary>
/// A failure the caller can act on. Each subtype maps to one HTTP status in the function app;
/// anything else that escapes the domain is a bug and surfaces as a 500 without details.
/// </summary>
public abstract class DomainException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>Extra members for the problem details body (for example the id of an existing row).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();
}

/// <summary>Input failed validation; <see cref="Errors"/> names each offending field.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string error) => new(new Dictionary<string, string[]> { [field] = [error] });
}

/// <summary>The resource does not exist or the caller may not know that it does.</summary>
public sealed class NotFoundException(string resource) : DomainException($"{resource} was not found.")
{
    public string Resource { get; } = resource;
}

/// <summary>
/// The caller may see the resource but not do this to it (a family member attempting an admin action). Use only
/// where the caller already knows the resource exists; otherwise answer <see cref="NotFoundException"/>.
/// </summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>The request conflicts with the current state (a duplicate, or a rule such as "last admin").</summary>
public sealed class ConflictException(string message) : DomainException(message);

/// <summary>The resource existed but can no longer be used (an expired or used invitation).</summary>
public sealed class GoneException(string message) : DomainException(message);

/// <summary>The caller is not authenticated, or its credentials are invalid.</summary>
public sealed class AuthenticationException(string message, bool invalidToken = false) : DomainException(message)
{
    /// <summary>True when a bearer token was presented and rejected (RFC 6750 <c>error="invalid_token"</c>).</summary>
    public bool InvalidToken { get; } = invalidToken;
}

/// <summary>Too many attempts; the caller may retry after <see cref="RetryAfter"/>.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : DomainException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>A conditional request's precondition (If-Match) no longer holds.</summary>
public sealed class PreconditionFailedException(string message) : DomainException(message);

/// <summary>A dependency (TMDB, the database, the queue) is unavailable; the request may succeed later.</summary>
public sealed class DependencyUnavailableException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
    : DomainException(message, innerException)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
