namespace InFocus.Domain.Data.Migrations;

/// <summary>
/// Hand-written SQL of the <c>PerformanceSummaries</c> migration: the timestamp triggers of its new tables.
/// </summary>
internal static class PerformanceSummariesSql
{
    private static readonly string[] NewTables = ["request_pacing"];

    public static string Up => string.Join("\n", NewTables.Select(t => TimestampTriggers.Create(t, "created_at", "updated_at")));

    public static string Down => string.Join("\n", NewTables.Select(TimestampTriggers.Drop));
}
