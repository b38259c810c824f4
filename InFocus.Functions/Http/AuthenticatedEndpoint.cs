using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace InFocus.Functions.Http;

/// <summary>
/// <see cref="HttpEndpoint"/> for functions that need a signed-in user: validates the bearer access token (and
/// that its session is still active) before the body runs, inside the function's own call path.
/// </summary>
public sealed class AuthenticatedEndpoint(HttpEndpoint endpoint, IAccessTokenValidator tokens, ILogger<AuthenticatedEndpoint> logger)
{
    public Task<IActionResult> RunAsync(
        HttpRequest request,
        string function,
        Func<CurrentUser, CancellationToken, Task<IActionResult>> handle) =>
        endpoint.RunAsync(request, function, async cancellationToken =>
        {
            // The session check comes before the body and is idempotent (at most it stamps the session's last use), so it
            // is retried for every method; a GET is retried whole by HttpEndpoint.
            var token = BearerToken(request);
            var user = TransientDatabaseFailures.IsSafe(request)
                ? await tokens.ValidateAsync(token, cancellationToken)
                : await TransientDatabaseFailures.RetryAsync(ct => tokens.ValidateAsync(token, ct), cancellationToken);
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["UserId"] = user.UserId });
            return await handle(user, cancellationToken);
        });

    private static string BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || header.Length == scheme.Length)
        {
            throw new AuthenticationException("Sign in first: send an access token as 'Authorization: Bearer <token>'.");
        }

        return header[scheme.Length..].Trim();
    }
}
