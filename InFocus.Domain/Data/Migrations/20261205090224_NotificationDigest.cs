using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationDigest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "confirmed_ids",
                table: "tonight_picks",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.CreateTable(
                name: "notification_digests",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    digest_date = table.Column<DateOnly>(type: "date", nullable: false),
                    notifications_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    notifications_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    send_count = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    email_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email_enqueued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_digests", x => x.id);
                    table.CheckConstraint("ck_notification_digests_email_status", "email_status IN ('pending', 'sent', 'failed')");
                    table.CheckConstraint("ck_notification_digests_token_hash_length", "octet_length(token_hash) = 32");
                    table.ForeignKey(
                        name: "fk_notification_digests_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_tonight_picks_confirmed",
                table: "tonight_picks",
                sql: "confirmed_ids <@ member_ids");

            migrationBuilder.CreateIndex(
                name: "ix_profiles_daily_digest",
                table: "profiles",
                column: "user_id",
                filter: "(preferences -> 'notifications' ->> 'email') = 'daily'");

            migrationBuilder.CreateIndex(
                name: "ix_notification_digests_not_enqueued",
                table: "notification_digests",
                column: "created_at",
                filter: "email_enqueued_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_notification_digests_token_hash",
                table: "notification_digests",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_notification_digests_user_date",
                table: "notification_digests",
                columns: new[] { "user_id", "digest_date" },
                unique: true);

            migrationBuilder.Sql(NotificationDigestSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NotificationDigestSql.Down);

            migrationBuilder.DropTable(
                name: "notification_digests");

            migrationBuilder.DropCheckConstraint(
                name: "ck_tonight_picks_confirmed",
                table: "tonight_picks");

            migrationBuilder.DropIndex(
                name: "ix_profiles_daily_digest",
                table: "profiles");

            migrationBuilder.DropColumn(
                name: "confirmed_ids",
                table: "tonight_picks");
        }
    }
}
