using System.Globalization;

namespace InFocus.Domain.Common;

/// <summary>Times as people read them in emails and pages: UTC, spelled out, never ambiguous about the zone.</summary>
public static class DisplayTime
{
    /// <summary><c>Thursday 22 January 2026 at 12:00 UTC</c>.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
