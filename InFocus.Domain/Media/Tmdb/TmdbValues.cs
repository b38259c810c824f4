using System.Globalization;
using InFocus.Domain.Common;

namespace InFocus.Domain.Media.Tmdb;

/// <summary>
/// Cleans values that come from TMDB before they are stored: blank means absent, text is cut to its column's
/// limit and loses U+0000 (which PostgreSQL cannot store), image paths and links that would not fit are dropped
/// rather than stored broken.
/// </summary>
internal static class TmdbValues
{
    public const int MaxRuntimeMinutes = 24 * 60;
    public const decimal MaxPopularity = 10_000_000m;

    public static string? Text(string? value, int maxLength)
    {
        var trimmed = value?.Replace("\0", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        // Never cut between the two halves of a surrogate pair.
        var length = char.IsHighSurrogate(trimmed[maxLength - 1]) ? maxLength - 1 : maxLength;
        return trimmed[..length];
    }

    /// <summary>An image path as TMDB gives it (<c>/abc.jpg</c>), or null when missing or malformed.</summary>
    public static string? ImagePath(string? value) =>
        value is { Length: > 1 and <= FieldLimits.ImagePath } && value[0] == '/' && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? value
            : null;

    /// <summary>TMDB dates are <c>yyyy-MM-dd</c>, or <c>""</c> when unknown.</summary>
    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>TMDB's vote average to one decimal; null for an unrated title (TMDB reports those as 0).</summary>
    public static decimal? Rating(decimal? voteAverage, int? voteCount) =>
        voteAverage is { } average && voteCount is > 0
            ? Math.Round(Math.Clamp(average, 0m, 10m), 1, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>Distinct non-blank names in TMDB's order, each within <paramref name="maxLength"/>, at most <paramref name="maxCount"/>.</summary>
    /// <summary>Minutes of a movie or of a show's typical episode; nonsense (zero, negative, over a day) is unknown.</summary>
    public static int? Runtime(int? minutes) => minutes is > 0 and <= MaxRuntimeMinutes ? minutes : null;

    /// <summary>TMDB's popularity score (unbounded, usually 0–1,000s), kept to the column's precision.</summary>
    public static decimal? Popularity(decimal? value) =>
        value is >= 0 and < MaxPopularity ? Math.Round(value.Value, 3, MidpointRounding.AwayFromZero) : null;

    public static List<string> Names(IEnumerable<string?> names, int maxLength, int maxCount) =>
        names.Select(n => Text(n, maxLength)).OfType<string>().Distinct(StringComparer.Ordinal).Take(maxCount).ToList();

    /// <summary>An absolute http(s) URL without its query (TMDB adds <c>?locale=XX</c> to watch links), or null.</summary>
    public static string? LinkWithoutQuery(string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var link = uri.GetLeftPart(UriPartial.Path);
        return link.Length <= FieldLimits.Url ? link : null;
    }
}
