using System.Globalization;
using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.Domain.Invitations;
using InFocus.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace InFocus.Functions.Invitations.Page;

/// <summary>
/// The invitation page's HTML. Presentation only: which page to show follows from the domain's answers
/// (<see cref="InvitationResponder.DescribeAsync"/>, <see cref="InvitationJoinService"/>). Every value from users goes
/// through <see cref="SafeHtml"/>, so it is encoded.
/// </summary>
public static class InvitationPageRenderer
{
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        [JoinForm.NameField] = "Your name",
        [JoinForm.PasswordField] = "Password",
    };

    /// <summary>A pending invitation with its accept and decline forms; after a fixable <paramref name="error"/>, the form again with it.</summary>
    public static ApiResult Invitation(InvitationView invitation, string token, JoinForm form, DomainException? error = null)
    {
        var fieldErrors = FieldErrors(error);
        var family = invitation.FamilyName;
        var content = SafeHtml.Of($"""
            <h1>Join {family} on InFocus</h1>
            <p>{Inviter(invitation)} invited you to join the family <strong>{family}</strong>. Members of a family share their watchlists and recommend titles to each other.</p>
            <dl>
            <dt>Invitation for</dt>
            <dd>{invitation.Email}</dd>
            <dt>Expires</dt>
            <dd><time datetime="{invitation.ExpiresAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}">{DisplayTime.Utc(invitation.ExpiresAt)}</time></dd>
            </dl>
            {ErrorSummary(error, fieldErrors)}
            <section aria-labelledby="accept-title">
            <h2 id="accept-title">Accept the invitation</h2>
            {AcceptForm(invitation, token, form, fieldErrors)}
            </section>
            <section aria-labelledby="decline-title">
            <h2 id="decline-title">Not for you?</h2>
            <p>If you decline, the family's admins will see that you did, and this link stops working.</p>
            <form method="post" action="{PagePath(token, "decline")}">
            <button type="submit" class="secondary">Decline the invitation</button>
            </form>
            </section>
            """);
        var status = error is null ? StatusCodes.Status200OK : DomainErrors.StatusOf(error);
        var title = error is null ? $"Join {family}" : $"Problem: Join {family}";
        return HtmlPage.Create(status, title, content).WithRetryAfter(error is null ? null : DomainErrors.RetryAfterOf(error));
    }

    /// <summary>A link that can no longer be used (expired, declined, withdrawn or accepted): 410, saying why.</summary>
    public static ApiResult Unusable(InvitationView invitation) => HtmlPage.Create(
        StatusCodes.Status410Gone,
        "Invitation no longer valid",
        SafeHtml.Of($"""
            <h1>This invitation can no longer be used</h1>
            <p>{invitation.UnusableReason}</p>
            <p class="muted">It was an invitation from {Inviter(invitation)} to join {invitation.FamilyName}, sent to {invitation.Email}.</p>
            {(invitation.Status == InvitationStatus.Accepted
                ? SafeHtml.Of($"<p>If you accepted it, sign in to InFocus to see the family.</p>")
                : SafeHtml.Empty)}
            """));

    public static ApiResult Accepted(InvitationAcceptance acceptance) => HtmlPage.Create(
        StatusCodes.Status200OK,
        $"Welcome to {acceptance.FamilyName}",
        SafeHtml.Of($"""
            <h1>You're now a member of {acceptance.FamilyName}</h1>
            <p>{(acceptance.Role == FamilyRole.Admin ? "You are one of its admins." : "Welcome to the family.")} Sign in to InFocus with your email address and password to see the family's shared watchlist.</p>
            <p class="muted">You can close this page.</p>
            """));

    public static ApiResult Declined(InvitationView invitation) => HtmlPage.Create(
        StatusCodes.Status200OK,
        "Invitation declined",
        SafeHtml.Of($"""
            <h1>Invitation declined</h1>
            <p>You declined the invitation to join {invitation.FamilyName}. Nothing else will happen; you can close this page.</p>
            """));

    private static SafeHtml AcceptForm(InvitationView invitation, string token, JoinForm form, IReadOnlyDictionary<string, string> fieldErrors)
    {
        var register = form.Mode == JoinMode.Register;
        var intro = register
            ? SafeHtml.Of($"<p>Create your InFocus account to accept. It will use the address the invitation was sent to.</p>")
            : SafeHtml.Of($"<p>You have an InFocus account for this address. Enter its password to accept.</p>");
        var firstInvalid = new[] { JoinForm.NameField, JoinForm.PasswordField }.FirstOrDefault(fieldErrors.ContainsKey);
        var name = register
            ? SafeHtml.Of($"""
                <label for="name">Your name</label>
                <input id="name" name="{JoinForm.NameField}" type="text" autocomplete="name" required maxlength="{FieldLimits.PersonName}" value="{form.Name}"{InvalidAttributes(JoinForm.NameField, fieldErrors, firstInvalid, hint: null)}>
                {FieldError(JoinForm.NameField, fieldErrors)}
                """)
            : SafeHtml.Empty;
        var passwordHint = register
            ? SafeHtml.Of($"""<p class="hint" id="password-hint">At least {FieldLimits.PasswordMinChars} characters, and not a common password.</p>""")
            : SafeHtml.Empty;
        return SafeHtml.Of($"""
            {intro}
            <form method="post" action="{PagePath(token, "accept")}">
            <input type="hidden" name="{JoinForm.ModeField}" value="{JoinForm.ModeValue(form.Mode)}">
            <label for="email">Email address</label>
            <input id="email" name="email" type="email" value="{invitation.Email}" readonly autocomplete="username">
            {name}
            <label for="password">{(register ? "Choose a password" : "Password")}</label>
            <input id="password" name="{JoinForm.PasswordField}" type="password" autocomplete="{(register ? "new-password" : "current-password")}" required{InvalidAttributes(JoinForm.PasswordField, fieldErrors, firstInvalid, register ? "password-hint" : null)}>
            {passwordHint}
            {FieldError(JoinForm.PasswordField, fieldErrors)}
            <button type="submit">{(register ? "Create account and accept" : "Sign in and accept")}</button>
            </form>
            """);
    }

    /// <summary>The messages to show next to the fields: validation errors, and a wrong password on the password field.</summary>
    private static Dictionary<string, string> FieldErrors(DomainException? error) => error switch
    {
        ValidationException invalid => invalid.Errors
            .Where(e => FieldLabels.ContainsKey(e.Key))
            .ToDictionary(e => e.Key, e => string.Join(" ", e.Value.Select(message => $"{FieldLabels[e.Key]} {message}")), StringComparer.Ordinal),
        AuthenticationException wrong => new(StringComparer.Ordinal) { [JoinForm.PasswordField] = wrong.Message },
        _ => new(StringComparer.Ordinal),
    };

    /// <summary>A summary at the top of the form that screen readers announce, linking to each field in error.</summary>
    private static SafeHtml ErrorSummary(DomainException? error, IReadOnlyDictionary<string, string> fieldErrors)
    {
        if (error is null)
        {
            return SafeHtml.Empty;
        }

        var items = fieldErrors.Select(e => SafeHtml.Of($"""<li><a href="#{e.Key}">{e.Value}</a></li>""")).ToList();
        items.AddRange(error switch
        {
            ValidationException invalid => invalid.Errors
                .Where(e => !FieldLabels.ContainsKey(e.Key))
                .SelectMany(e => e.Value.Select(message => SafeHtml.Of($"<li>{e.Key}: {message}</li>"))),
            TooManyRequestsException limited => [SafeHtml.Of($"<li>Too many failed sign-in attempts. Try again in {Minutes(limited.RetryAfter)}.</li>")],
            ConflictException conflict => [SafeHtml.Of($"<li>{conflict.Message} Enter its password below to accept the invitation.</li>")],
            AuthenticationException => [],
            _ => [SafeHtml.Of($"<li>{error.Message}</li>")],
        });
        return SafeHtml.Of($"""
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>{SafeHtml.Join(items)}</ul>
            </div>
            """);
    }

    private static SafeHtml FieldError(string field, IReadOnlyDictionary<string, string> fieldErrors) =>
        fieldErrors.TryGetValue(field, out var message)
            ? SafeHtml.Of($"""<p class="field-error" id="{field}-error">{message}</p>""")
            : SafeHtml.Empty;

    /// <summary><c>aria-describedby</c> (hint, error), <c>aria-invalid</c>, and <c>autofocus</c> on the first field in error.</summary>
    private static SafeHtml InvalidAttributes(string field, IReadOnlyDictionary<string, string> fieldErrors, string? firstInvalid, string? hint)
    {
        var invalid = fieldErrors.ContainsKey(field);
        var describedBy = string.Join(" ", new[] { hint, invalid ? $"{field}-error" : null }.OfType<string>());
        var attributes = new List<SafeHtml>();
        if (describedBy.Length > 0)
        {
            attributes.Add(SafeHtml.Of($" aria-describedby=\"{describedBy}\""));
        }

        if (invalid)
        {
            attributes.Add(SafeHtml.Of($" aria-invalid=\"true\""));
        }

        if (field == firstInvalid)
        {
            attributes.Add(SafeHtml.Of($" autofocus"));
        }

        return SafeHtml.Join(attributes);
    }

    private static string Inviter(InvitationView invitation) =>
        invitation.InvitedByName is { Length: > 0 } name ? name : InvitationEmailComposer.UnknownInviter;

    private static string Minutes(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "a minute" : $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes";
    }

    /// <summary>The page's form targets, from the site root: the same <c>/api</c> prefix as the link in the email.</summary>
    private static string PagePath(string token, string action) => $"/api/invitations/{Uri.EscapeDataString(token)}/page/{action}";
}
