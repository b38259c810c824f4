namespace InFocus.Domain.Data;

/// <summary>
/// SQL for the per-table triggers that keep creation times immutable and update times current on every UPDATE,
/// including set-based ones (ExecuteUpdate, raw SQL) that bypass EF's change tracker.
/// </summary>
internal static class TimestampTriggers
{
    /// <summary>Each table with its creation and update time columns.</summary>
    public static IReadOnlyList<(string Table, string Created, string Updated)> Tables { get; } =
    [
        ("users", "created_at", "updated_at"),
        ("profiles", "created_at", "updated_at"),
        ("sessions", "created_at", "updated_at"),
        ("refresh_tokens", "created_at", "updated_at"),
        ("login_failures", "created_at", "updated_at"),
        ("media_items", "created_at", "updated_at"),
        ("streaming_providers", "added_at", "updated_at"),
        ("watchlist_entries", "date_added", "date_updated"),
        ("families", "created_at", "updated_at"),
        ("family_memberships", "joined_at", "updated_at"),
        ("family_invitations", "created_at", "updated_at"),
        ("recommendations", "created_at", "updated_at"),
    ];

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
