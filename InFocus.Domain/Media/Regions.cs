using InFocus.Domain.Common;

namespace InFocus.Domain.Media;

/// <summary>Streaming regions: ISO 3166-1 alpha-2 country codes, stored and compared upper-case.</summary>
public static class Regions
{
    /// <summary>Validates an optional <c>region</c> query value; returns it upper-cased, or null when absent.</summary>
    public static string? ParseOptional(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return TryNormalize(value, out var region)
            ? region
            : throw ValidationException.For(field, "must be an ISO 3166-1 alpha-2 country code such as US or GB.");
    }

    public static bool TryNormalize(string? value, out string region)
    {
        region = "";
        if (value is not { Length: FieldLimits.Region } || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]))
        {
            return false;
        }

        region = value.ToUpperInvariant();
        return true;
    }

    /// <summary>
    /// TMDB's watch page for a title, opened on one region's offers. Stored URLs carry no region; the page takes
    /// it as <c>?locale=</c>.
    /// </summary>
    public static string? WatchUrlFor(string? url, string? region) =>
        url is null || region is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}locale={region}";
}
