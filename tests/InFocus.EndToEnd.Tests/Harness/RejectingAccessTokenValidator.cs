using InFocus.Domain.Accounts;
using InFocus.Domain.Common;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// Stands in for the accounts feature's token validator while the app registers none: the container is validated
/// when the host is built (Development, as under func start), and <c>AuthenticatedEndpoint</c> needs one. Every
/// token is rejected. The fixture adds it only when no validator is registered; delete it once accounts has landed.
/// </summary>
internal sealed class RejectingAccessTokenValidator : IAccessTokenValidator
{
    public Task<CurrentUser> ValidateAsync(string accessToken, CancellationToken cancellationToken) =>
        throw new AuthenticationException("No account can sign in yet.", invalidToken: true);
}
