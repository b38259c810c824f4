using System.Net.Mail;

namespace InFocus.Domain.Common;

/// <summary>
/// Collects field errors for one request and throws them together, so a client learns about every
/// invalid field at once. Field names are the JSON (camelCase) names of the request.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string error)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(error);
        return this;
    }

    /// <summary>Requires a non-blank value no longer than <paramref name="maxLength"/> characters.</summary>
    public Validation Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "is required.");
        }

        return MaxLength(field, value, maxLength);
    }

    /// <summary>Limits the length, and refuses U+0000, which PostgreSQL text columns cannot store.</summary>
    public Validation MaxLength(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return this;
        }

        if (value.Length > maxLength)
        {
            return Add(field, $"must be at most {maxLength} characters.");
        }

        return value.Contains('\0', StringComparison.Ordinal) ? Add(field, "must not contain NUL characters.") : this;
    }

    public Validation Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "is required.");
        }

        return EmailAddress.IsWellFormed(value) ? this : Add(field, "must be a valid email address.");
    }

    public Validation Range(string field, int? value, int min, int max) =>
        value is { } v && (v < min || v > max) ? Add(field, $"must be between {min} and {max}.") : this;

    public Validation AbsoluteHttpUrl(string field, string? value)
    {
        if (value is null)
        {
            return this;
        }

        // Uri accepts (and escapes) U+0000, but the value is stored as given.
        if (value.Length > FieldLimits.Url || value.Contains('\0', StringComparison.Ordinal))
        {
            return MaxLength(field, value, FieldLimits.Url);
        }

        var ok = Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return ok ? this : Add(field, "must be an absolute http(s) URL.");
    }

    public Validation Id(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Add(field, "is required.");
        }

        return Cuid.IsValid(value) ? this : Add(field, "is not a valid id.");
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}

/// <summary>Normalization and shape checks for email addresses.</summary>
public static class EmailAddress
{
    /// <summary>The stored form of an address: trimmed and lower-cased, so uniqueness ignores letter case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsWellFormed(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.Length > FieldLimits.Email || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        return MailAddress.TryCreate(trimmed, out var parsed)
            && parsed.Address == trimmed
            && parsed.Host.Contains('.', StringComparison.Ordinal);
    }
}
