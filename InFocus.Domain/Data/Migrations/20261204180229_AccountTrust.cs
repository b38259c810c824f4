using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountTrust : Migration
    {
        private static readonly string[] TimestampedTables = ["pending_registrations", "password_resets", "rate_limit_hits"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_sessions_revoked_reason",
                table: "sessions");

            migrationBuilder.AddColumn<bool>(
                name: "in_flight",
                table: "login_failures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "login_failures",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.AlterColumn<int>(
                name: "send_count",
                table: "family_invitations",
                type: "integer",
                nullable: false,
                defaultValue: 1,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "email_lease_until",
                table: "family_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "password_resets",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
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
                    table.PrimaryKey("pk_password_resets", x => x.id);
                    table.CheckConstraint("ck_password_resets_email_status", "email_status IN ('pending', 'sent', 'failed')");
                    table.CheckConstraint("ck_password_resets_token_hash_length", "octet_length(token_hash) = 32");
                });

            migrationBuilder.CreateTable(
                name: "pending_registrations",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    password_hash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
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
                    table.PrimaryKey("pk_pending_registrations", x => x.id);
                    table.CheckConstraint("ck_pending_registrations_email_normalized", "email = lower(btrim(email))");
                    table.CheckConstraint("ck_pending_registrations_email_status", "email_status IN ('pending', 'sent', 'failed')");
                    table.CheckConstraint("ck_pending_registrations_token_hash_length", "octet_length(token_hash) = 32");
                });

            migrationBuilder.CreateTable(
                name: "rate_limit_hits",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rate_limit_hits", x => x.id);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_sessions_revoked_reason",
                table: "sessions",
                sql: "revoked_reason IN ('logout', 'logout_all', 'ended', 'password_changed', 'password_reset', 'refresh_token_reuse')");

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_email",
                table: "password_resets",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_expires_at",
                table: "password_resets",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_password_resets_not_enqueued",
                table: "password_resets",
                column: "created_at",
                filter: "email_enqueued_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_password_resets_token_hash",
                table: "password_resets",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pending_registrations_expires_at",
                table: "pending_registrations",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_pending_registrations_not_enqueued",
                table: "pending_registrations",
                column: "created_at",
                filter: "email_enqueued_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_pending_registrations_email",
                table: "pending_registrations",
                column: "email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_pending_registrations_token_hash",
                table: "pending_registrations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rate_limit_hits_at",
                table: "rate_limit_hits",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_rate_limit_hits_key_at",
                table: "rate_limit_hits",
                columns: new[] { "key", "at" });

            foreach (var table in TimestampedTables)
            {
                migrationBuilder.Sql(TimestampTriggers.Create(table, "created_at", "updated_at"));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in TimestampedTables)
            {
                migrationBuilder.Sql(TimestampTriggers.Drop(table));
            }

            migrationBuilder.DropTable(
                name: "password_resets");

            migrationBuilder.DropTable(
                name: "pending_registrations");

            migrationBuilder.DropTable(
                name: "rate_limit_hits");

            migrationBuilder.DropCheckConstraint(
                name: "ck_sessions_revoked_reason",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "in_flight",
                table: "login_failures");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "login_failures");

            migrationBuilder.DropColumn(
                name: "email_lease_until",
                table: "family_invitations");

            migrationBuilder.AlterColumn<int>(
                name: "send_count",
                table: "family_invitations",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer",
                oldDefaultValue: 1);

            migrationBuilder.AddCheckConstraint(
                name: "ck_sessions_revoked_reason",
                table: "sessions",
                sql: "revoked_reason IN ('logout', 'logout_all', 'ended', 'password_changed', 'refresh_token_reuse')");
        }
    }
}
