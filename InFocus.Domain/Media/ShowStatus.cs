namespace InFocus.Domain.Media;

/// <summary>Where a TV show is in its life, from TMDB's <c>status</c>; decides how often its seasons are refreshed.</summary>
public enum ShowStatus
{
    ReturningSeries,
    InProduction,
    Planned,
    Pilot,
    Ended,
    Canceled,
}

public static class ShowStatuses
{
    /// <summary>TMDB's status text ("Returning Series", "Ended", ...) as a <see cref="ShowStatus"/>; null when unknown.</summary>
    public static ShowStatus? FromTmdb(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "returning series" => ShowStatus.ReturningSeries,
        "in production" => ShowStatus.InProduction,
        "planned" => ShowStatus.Planned,
        "pilot" => ShowStatus.Pilot,
        "ended" => ShowStatus.Ended,
        "canceled" or "cancelled" => ShowStatus.Canceled,
        _ => null,
    };
}
