using InFocus.Domain.Common;
using InFocus.Domain.Invitations;
using InFocus.Functions.Http;

namespace InFocus.Functions.Invitations.Page;

/// <summary>How the recipient accepts on the page: with a new account for the invited address, or with its account's password.</summary>
public enum JoinMode
{
    Register,
    SignIn,
}

/// <summary>
/// The invitation page's accept form: its mode and what the recipient typed. The address is not read from the form:
/// it is always the invitation's (the page shows it read-only for password managers).
/// </summary>
public sealed record JoinForm(JoinMode Mode, string? Name = null, string? Password = null)
{
    public const string ModeField = "mode";
    public const string NameField = "name";
    public const string PasswordField = "password";

    /// <summary>The form a recipient starts with: sign in when the address has an account, register otherwise.</summary>
    public static JoinForm For(InvitationView invitation) => new(invitation.AccountExists ? JoinMode.SignIn : JoinMode.Register);

    /// <summary>The posted form; 400 naming <c>mode</c> when it is neither <c>register</c> nor <c>signin</c>.</summary>
    public static JoinForm Read(FormFields fields) => new(
        fields.Value(ModeField) switch
        {
            "register" => JoinMode.Register,
            "signin" => JoinMode.SignIn,
            _ => throw ValidationException.For(ModeField, "must be register or signin."),
        },
        fields.Value(NameField),
        fields.Value(PasswordField));

    public static string ModeValue(JoinMode mode) => mode == JoinMode.Register ? "register" : "signin";

    /// <summary>
    /// The errors the recipient can fix on the form itself, so the page shows the form again with the message:
    /// invalid fields, a wrong password, a lockout, or an account that already exists for a registration.
    /// </summary>
    public static bool IsFixableOnTheForm(DomainException error) =>
        error is ValidationException or AuthenticationException or TooManyRequestsException or ConflictException;

    /// <summary>The form to show after <paramref name="error"/>: what was typed (never the password), in the mode that can now succeed.</summary>
    public JoinForm After(DomainException error) => new(error is ConflictException ? JoinMode.SignIn : Mode, Name);
}
