namespace InFocus.Domain.Data.Migrations;

/// <summary>The hand-written SQL of the <c>TvProgress</c> migration: the new tables' timestamp triggers.</summary>
internal static class TvProgressSql
{
    private static readonly string[] TimestampedTables = ["seasons", "episodes", "viewings", "calendar_feeds"];

    public static string Up { get; } = string.Join("\n", TimestampedTables.Select(t => TimestampTriggers.Create(t, "created_at", "updated_at")));

    public static string Down { get; } = string.Join("\n", TimestampedTables.Select(TimestampTriggers.Drop));
}
