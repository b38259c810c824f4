namespace InFocus.Domain.Data.Migrations;

/// <summary>The hand-written SQL of the <c>ImportAttempts</c> migration.</summary>
internal static class ImportAttemptsSql
{
    /// <summary>
    /// Remembered IMDb lookups of shows are forgotten: those of episodes were stored without their season and episode
    /// numbers, and the next import asks TMDB once more (one request per id) to record the episodes' viewings.
    /// </summary>
    public const string Up = """
        DELETE FROM title_lookups WHERE key LIKE 'imdb:%' AND media_type = 'tv';
        """;
}
