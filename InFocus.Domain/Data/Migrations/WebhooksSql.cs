namespace InFocus.Domain.Data.Migrations;

/// <summary>
/// The hand-written SQL of the <c>Webhooks</c> migration (kept apart so the migration can be regenerated on a merge
/// without losing it): the timestamp triggers of its tables, and the statement-level trigger that creates the webhook
/// deliveries of the notifications a statement inserts, in that statement's transaction, with one INSERT whatever the
/// number of notifications and webhooks (so every set-based notification fan-out keeps its statement count).
/// </summary>
internal static class WebhooksSql
{
    private static readonly string[] TimestampedTables = ["webhooks", "webhook_deliveries"];

    public static string Up => string.Join("\n", TimestampedTables.Select(t => TimestampTriggers.Create(t, "created_at", "updated_at"))) + """

        CREATE FUNCTION infocus_webhook_deliveries_for_notifications() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO webhook_deliveries (id, webhook_id, notification_id, event, status, attempts, next_attempt_at)
            SELECT 'c' || left(md5(w.id || ':' || n.id), 24), w.id, n.id, 'notification.created', 'pending', 0, now()
            FROM inserted_notifications AS n
            JOIN webhooks AS w ON w.user_id = n.user_id
            WHERE w.disabled_at IS NULL
              AND w.events && ARRAY['notification.created', 'notification.' || n.type]::text[]
            ON CONFLICT (webhook_id, notification_id) DO NOTHING;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER webhook_deliveries_for_notifications AFTER INSERT ON notifications
            REFERENCING NEW TABLE AS inserted_notifications
            FOR EACH STATEMENT EXECUTE FUNCTION infocus_webhook_deliveries_for_notifications();
        """;

    public static string Down => """
        DROP TRIGGER IF EXISTS webhook_deliveries_for_notifications ON notifications;
        DROP FUNCTION IF EXISTS infocus_webhook_deliveries_for_notifications();

        """ + string.Join("\n", TimestampedTables.Select(TimestampTriggers.Drop));
}
