namespace InFocus.Domain.Common.Limits;

/// <summary>At most <see cref="Count"/> uses of <see cref="Key"/> within <see cref="Window"/>.</summary>
public sealed record RateLimit(string Key, int Count, TimeSpan Window, string Message)
{
    public static RateLimit PerHour(string key, int count, string message) => new(key, count, TimeSpan.FromHours(1), message);

    public static RateLimit PerDay(string key, int count, string message) => new(key, count, TimeSpan.FromDays(1), message);
}
