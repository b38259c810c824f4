namespace InFocus.Domain.Data.Migrations;

/// <summary>The hand-written SQL of the Imports migration: the new tables' timestamp triggers.</summary>
internal static class ImportsSql
{
    private static readonly string[] Tables = ["imports", "import_rows", "title_lookups", "import_entry_dates"];

    public static string Up { get; } = string.Join("\n", Tables.Select(t => TimestampTriggers.Create(t, "created_at", "updated_at")));

    public static string Down { get; } = string.Join("\n", Tables.Select(TimestampTriggers.Drop));
}
