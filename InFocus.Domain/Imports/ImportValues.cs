using System.Globalization;
using System.Text.RegularExpressions;

namespace InFocus.Domain.Imports;

/// <summary>Reading the cells of export files: dates, years, ratings, IMDb ids; null for an empty cell.</summary>
internal static partial class ImportValues
{
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-dd HH:mm:ss", "ddd MMM dd HH:mm:ss yyyy"];

    public static string? Text(string? value, int maxChars)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length <= maxChars ? trimmed : trimmed[..maxChars];
    }

    /// <summary>A date or time in UTC; <paramref name="ok"/> false when the cell holds something else.</summary>
    public static DateTimeOffset? Date(string? value, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        ok = false;
        return null;
    }

    public static int? Year(string? value, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1870 and <= 2200)
        {
            return year;
        }

        ok = false;
        return null;
    }

    /// <summary>A 1–10 rating; <paramref name="scale"/> 2 for Letterboxd's 0.5–5 stars in halves.</summary>
    public static int? Rating(string? value, int scale, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (decimal.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            var scaled = number * scale;
            if (scaled == decimal.Truncate(scaled) && scaled is >= 1 and <= 10)
            {
                return (int)scaled;
            }
        }

        ok = false;
        return null;
    }

    public static string? ImdbId(string? value)
    {
        var trimmed = value?.Trim();
        return trimmed is not null && ImdbIdPattern().IsMatch(trimmed) ? trimmed : null;
    }

    [GeneratedRegex("^tt[0-9]{5,12}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImdbIdPattern();
}
