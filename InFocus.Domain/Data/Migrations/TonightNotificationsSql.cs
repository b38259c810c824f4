namespace InFocus.Domain.Data.Migrations;

/// <summary>
/// The hand-written SQL of the <c>TonightNotifications</c> migration (kept apart so the migration can be regenerated
/// on a merge without losing it): the timestamp triggers of its new tables.
/// </summary>
internal static class TonightNotificationsSql
{
    private static readonly (string Table, string Created)[] TimestampedTables =
    [
        ("watch_providers", "created_at"),
        ("subscriptions", "created_at"),
        ("tonight_picks", "picked_at"),
        ("notifications", "created_at"),
    ];

    public static string Up => string.Join("\n", TimestampedTables.Select(t => TimestampTriggers.Create(t.Table, t.Created, "updated_at")));

    public static string Down => string.Join("\n", TimestampedTables.Select(t => TimestampTriggers.Drop(t.Table)));
}
