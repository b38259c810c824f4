namespace InFocus.Domain.Data;

/// <summary>
/// SQL for the per-table triggers that keep creation times immutable and update times current on every UPDATE,
/// including set-based ones (ExecuteUpdate, raw SQL) that bypass EF's change tracker. A migration that creates a
/// table calls <see cref="Create"/> for it; a test checks that every table of the model has its trigger.
/// </summary>
internal static class TimestampTriggers
{
    public static string Create(string table, string created, string updated) => $"""
        CREATE FUNCTION infocus_touch_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.{created} := OLD.{created};
            NEW.{updated} := now();
            RETURN NEW;
        END
        $$;
        CREATE TRIGGER touch_{table} BEFORE UPDATE ON {table}
            FOR EACH ROW EXECUTE FUNCTION infocus_touch_{table}();
        """;

    public static string Drop(string table) => $"""
        DROP TRIGGER IF EXISTS touch_{table} ON {table};
        DROP FUNCTION IF EXISTS infocus_touch_{table}();
        """;
}
