using System.Text;
using InFocus.Domain.Common;

namespace InFocus.Domain.Accounts;

/// <summary>
/// What a new password must be: at least 8 characters, at most bcrypt's 72-byte input (longer is refused, never
/// silently cut), not one of the 10,000 most common passwords, and not the account's own email address.
/// </summary>
internal static class PasswordPolicy
{
    public static void Check(Validation validation, string field, string? password, string? email)
    {
        if (string.IsNullOrEmpty(password))
        {
            validation.Add(field, "is required.");
            return;
        }

        if (password.EnumerateRunes().Count() < FieldLimits.PasswordMinChars)
        {
            validation.Add(field, $"must be at least {FieldLimits.PasswordMinChars} characters.");
        }
        else if (!FitsBcrypt(password))
        {
            validation.Add(field, $"must be at most {FieldLimits.PasswordMaxBytes} bytes in UTF-8 (72 ASCII characters, fewer with accented or non-Latin letters).");
        }
        else if (CommonPasswords.Contains(password))
        {
            validation.Add(field, "is one of the most common passwords; choose one that is harder to guess.");
        }
        else if (email is not null && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            validation.Add(field, "must not be your email address.");
        }
    }

    /// <summary>bcrypt reads at most 72 bytes; anything longer would be truncated without notice.</summary>
    public static bool FitsBcrypt(string password) => Encoding.UTF8.GetByteCount(password) <= FieldLimits.PasswordMaxBytes;
}
