using InFocus.Domain.Invitations;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Accounts;

/// <summary>
/// The addresses account emails link to, on the app's public base URL (<c>Invitations__PublicBaseUrl</c>, where every
/// emailed link points). Each opens a page served by the function app.
/// </summary>
public sealed class AccountLinks(IOptions<InvitationOptions> options)
{
    public const string VerifyPagePrefix = "verify-email";
    public const string ResetPagePrefix = "password-reset";

    public string VerifyEmail(string token) => $"{Base}/api/{VerifyPagePrefix}/{token}";

    public string ResetPassword(string token) => $"{Base}/api/{ResetPagePrefix}/{token}";

    /// <summary>The page where someone who forgot their password asks for a link (its form posts to the same path).</summary>
    public string ForgotPassword => $"{Base}/api/{ResetPagePrefix}";

    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');
}
