using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace InFocus.Functions.Accounts.Pages;

/// <summary>
/// The pages account emails link to: verifying an address, asking for a password-reset link, choosing a new password.
/// Presentation only; the domain services decide. Links are never acted on by opening them (mail scanners open links):
/// each page asks for a button press, which posts the form.
/// </summary>
public static class AccountPageRenderer
{
    public const string EmailField = "email";
    public const string PasswordField = "newPassword";

    public static ApiResult VerifyEmail(string token) => HtmlPage.Create(
        StatusCodes.Status200OK,
        "Verify your email address",
        SafeHtml.Of($"""
            <h1>Verify your email address</h1>
            <p>Press the button to confirm that this address is yours and finish creating your InFocus account.</p>
            <form method="post" action="/api/{AccountLinks.VerifyPagePrefix}/{Uri.EscapeDataString(token)}/confirm">
            <button type="submit">Verify my address</button>
            </form>
            """));

    public static ApiResult Verified(UserResponse user) => HtmlPage.Create(
        StatusCodes.Status200OK,
        "Address verified",
        SafeHtml.Of($"""
            <h1>Your address is verified</h1>
            <p>Your InFocus account for {user.Email} is ready. Sign in with the app using this address and your password.</p>
            <p class="muted">You can close this page.</p>
            """));

    public static ApiResult ForgotPassword(DomainException? error = null) => HtmlPage.Create(
        error is null ? StatusCodes.Status200OK : DomainErrors.StatusOf(error),
        error is null ? "Forgot your password?" : "Problem: Forgot your password?",
        SafeHtml.Of($"""
            <h1>Forgot your password?</h1>
            <p>Enter the address of your InFocus account and we will email it a link to choose a new password.</p>
            {Problem(error)}
            <form method="post" action="/api/{AccountLinks.ResetPagePrefix}">
            <label for="email">Email address</label>
            <input id="email" name="{EmailField}" type="email" autocomplete="email" required maxlength="{FieldLimits.Email}">
            <button type="submit">Email me a link</button>
            </form>
            """)).WithRetryAfter(error is null ? null : DomainErrors.RetryAfterOf(error));

    public static ApiResult ResetRequested(AcceptedResponse answer) => HtmlPage.Create(
        StatusCodes.Status202Accepted,
        "Check your inbox",
        SafeHtml.Of($"""
            <h1>Check your inbox</h1>
            <p>{answer.Message}</p>
            <p class="muted">The link works once, for a short time. You can close this page.</p>
            """));

    public static ApiResult ChoosePassword(string token, DomainException? error = null) => HtmlPage.Create(
        error is null ? StatusCodes.Status200OK : DomainErrors.StatusOf(error),
        error is null ? "Choose a new password" : "Problem: Choose a new password",
        SafeHtml.Of($"""
            <h1>Choose a new password</h1>
            <p>Your new password replaces the old one, and every device signed in to your account is signed out.</p>
            {Problem(error)}
            <form method="post" action="/api/{AccountLinks.ResetPagePrefix}/{Uri.EscapeDataString(token)}/confirm">
            <label for="newPassword">New password</label>
            <input id="newPassword" name="{PasswordField}" type="password" autocomplete="new-password" required aria-describedby="password-hint"{(error is null ? SafeHtml.Empty : SafeHtml.Of($" aria-invalid=\"true\" autofocus"))}>
            <p class="hint" id="password-hint">At least {FieldLimits.PasswordMinChars} characters, and not a common password.</p>
            <button type="submit">Set my new password</button>
            </form>
            """));

    public static ApiResult PasswordChanged() => HtmlPage.Create(
        StatusCodes.Status200OK,
        "Password changed",
        SafeHtml.Of($"""
            <h1>Your password is changed</h1>
            <p>Sign in to InFocus with your new password. Every device that was signed in has been signed out.</p>
            <p class="muted">You can close this page.</p>
            """));

    /// <summary>What went wrong, announced to screen readers.</summary>
    private static SafeHtml Problem(DomainException? error) => error switch
    {
        null => SafeHtml.Empty,
        ValidationException invalid => Alert(string.Join(" ", invalid.Errors.SelectMany(e => e.Value.Select(m => $"{Label(e.Key)} {m}")))),
        _ => Alert(error.Message),
    };

    private static string Label(string field) => field switch
    {
        EmailField => "Email address",
        PasswordField => "New password",
        _ => field,
    };

    private static SafeHtml Alert(string message) => SafeHtml.Of($"""
        <div class="error-summary" role="alert">
        <p>{message}</p>
        </div>
        """);
}
