using InFocus.Domain.Accounts;
using InFocus.Domain.Common;

namespace InFocus.Domain.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Tr0ub4dor&3x")]
    [InlineData("пароль-очень-надёжный")]
    public void Strong_passwords_pass(string password) => Assert.Null(ErrorFor(password));

    [Fact]
    public void A_password_needs_eight_characters() =>
        Assert.Equal("must be at least 8 characters.", ErrorFor("x7#kQ2!"));

    [Fact]
    public void Characters_are_counted_as_unicode_characters_not_utf16_units()
    {
        Assert.Equal("must be at least 8 characters.", ErrorFor("🔑🔒🗝️🚪"));
        Assert.Null(ErrorFor("🔑🔒🔐🚪🧱🪟🛡️⚔️"));
    }

    [Fact]
    public void Exactly_72_bytes_is_accepted() => Assert.Null(ErrorFor(new string('k', 36) + "€€€€€€€€€€€€"));

    [Theory]
    [InlineData(73)]
    [InlineData(200)]
    public void More_than_72_ascii_bytes_is_refused_rather_than_truncated(int length) =>
        Assert.StartsWith("must be at most 72 bytes", ErrorFor(new string('k', length - 1) + "!"));

    [Fact]
    public void Multibyte_characters_count_by_their_utf8_bytes() =>
        Assert.StartsWith("must be at most 72 bytes", ErrorFor(new string('€', 25)));

    [Theory]
    [InlineData("baseball")]
    [InlineData("FOOTBALL")]
    [InlineData("SuperMan")]
    [InlineData("trustno1")]
    [InlineData("12345678")]
    public void Common_passwords_are_refused_in_any_letter_case(string password) =>
        Assert.StartsWith("is one of the most common passwords", ErrorFor(password));

    [Fact]
    public void The_shipped_list_holds_the_ten_thousand_most_common_passwords() =>
        Assert.True(CommonPasswords.Count >= 10_000, $"only {CommonPasswords.Count} passwords loaded");

    [Fact]
    public void The_account_email_is_not_a_password() =>
        Assert.Equal("must not be your email address.", ErrorFor("Someone@Example.com", email: "someone@example.com"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_password_is_required(string? password) => Assert.Equal("is required.", ErrorFor(password));

    private static string? ErrorFor(string? password, string? email = null)
    {
        var validation = new Validation();
        PasswordPolicy.Check(validation, "password", password, email);
        try
        {
            validation.ThrowIfInvalid();
            return null;
        }
        catch (ValidationException e)
        {
            return Assert.Single(e.Errors["password"]);
        }
    }
}
