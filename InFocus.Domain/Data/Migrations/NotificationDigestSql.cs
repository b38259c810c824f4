namespace InFocus.Domain.Data.Migrations;

/// <summary>
/// The hand-written SQL of the <c>NotificationDigest</c> migration (kept apart so the migration can be regenerated on
/// a merge without losing it): the timestamp trigger of its new table.
/// </summary>
internal static class NotificationDigestSql
{
    public static string Up => TimestampTriggers.Create("notification_digests", "created_at", "updated_at");

    public static string Down => TimestampTriggers.Drop("notification_digests");
}
