using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace InFocus.Functions.Http;

/// <summary>The one place the HTTP status of each domain error is decided, for problem details and HTML pages alike.</summary>
public static class DomainErrors
{
    public static int StatusOf(DomainException error) => error switch
    {
        ValidationException => StatusCodes.Status400BadRequest,
        AuthenticationException => StatusCodes.Status401Unauthorized,
        ForbiddenException => StatusCodes.Status403Forbidden,
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        GoneException => StatusCodes.Status410Gone,
        PreconditionFailedException => StatusCodes.Status412PreconditionFailed,
        TooManyRequestsException => StatusCodes.Status429TooManyRequests,
        DependencyUnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>When the caller may try again (<c>Retry-After</c>), for the errors that say.</summary>
    public static TimeSpan? RetryAfterOf(DomainException error) => error switch
    {
        TooManyRequestsException limited => limited.RetryAfter,
        DependencyUnavailableException unavailable => unavailable.RetryAfter,
        _ => null,
    };
}
