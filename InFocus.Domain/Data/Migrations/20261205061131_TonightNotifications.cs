using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class TonightNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "region",
                table: "users",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "popularity",
                table: "media_items",
                type: "numeric(10,3)",
                precision: 10,
                scale: 3,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "runtime",
                table: "media_items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region",
                table: "families",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    event_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    family_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    recommendation_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    tmdb_provider_id = table.Column<int>(type: "integer", nullable: true),
                    provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    region = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.CheckConstraint("ck_notifications_type", "type IN ('title_available', 'recommendation_received', 'recommendation_accepted', 'recommendation_rejected', 'invitation_accepted', 'member_joined', 'member_left')");
                    table.ForeignKey(
                        name: "fk_notifications_families_family_id",
                        column: x => x.family_id,
                        principalTable: "families",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_recommendations_recommendation_id",
                        column: x => x.recommendation_id,
                        principalTable: "recommendations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_notifications_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_notifications_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tmdb_provider_id = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_subscriptions_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tonight_picks",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    family_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    picked_by_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    member_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    picked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tonight_picks", x => x.id);
                    table.CheckConstraint("ck_tonight_picks_members", "cardinality(member_ids) > 0");
                    table.ForeignKey(
                        name: "fk_tonight_picks_families_family_id",
                        column: x => x.family_id,
                        principalTable: "families",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tonight_picks_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tonight_picks_users_picked_by_id",
                        column: x => x.picked_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "watch_providers",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tmdb_provider_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    logo_path = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    display_priority = table.Column<int>(type: "integer", nullable: false),
                    movie_regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    tv_regions = table.Column<List<string>>(type: "text[]", nullable: false),
                    refreshed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_providers", x => x.id);
                    table.CheckConstraint("ck_watch_providers_tmdb_provider_id", "tmdb_provider_id > 0");
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_users_region",
                table: "users",
                sql: "region ~ '^[A-Z]{2}$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_media_items_runtime",
                table: "media_items",
                sql: "runtime IS NULL OR (runtime > 0 AND runtime <= 1440)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_families_region",
                table: "families",
                sql: "region ~ '^[A-Z]{2}$'");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_actor_id",
                table: "notifications",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_family_id",
                table: "notifications",
                column: "family_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_media_item_id",
                table: "notifications",
                column: "media_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recommendation_id",
                table: "notifications",
                column: "recommendation_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at_id",
                table: "notifications",
                columns: new[] { "user_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at_id1",
                table: "notifications",
                columns: new[] { "user_id", "created_at", "id" },
                filter: "read_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_notifications_user_event",
                table: "notifications",
                columns: new[] { "user_id", "event_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subscriptions_tmdb_provider_id",
                table: "subscriptions",
                column: "tmdb_provider_id");

            migrationBuilder.CreateIndex(
                name: "ux_subscriptions_user_provider",
                table: "subscriptions",
                columns: new[] { "user_id", "tmdb_provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tonight_picks_family_id_picked_at_id",
                table: "tonight_picks",
                columns: new[] { "family_id", "picked_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_tonight_picks_media_item_id",
                table: "tonight_picks",
                column: "media_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_tonight_picks_picked_by_id",
                table: "tonight_picks",
                column: "picked_by_id");

            migrationBuilder.CreateIndex(
                name: "ux_watch_providers_tmdb_provider_id",
                table: "watch_providers",
                column: "tmdb_provider_id",
                unique: true);

            migrationBuilder.Sql(TonightNotificationsSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TonightNotificationsSql.Down);

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "tonight_picks");

            migrationBuilder.DropTable(
                name: "watch_providers");

            migrationBuilder.DropCheckConstraint(
                name: "ck_users_region",
                table: "users");

            migrationBuilder.DropCheckConstraint(
                name: "ck_media_items_runtime",
                table: "media_items");

            migrationBuilder.DropCheckConstraint(
                name: "ck_families_region",
                table: "families");

            migrationBuilder.DropColumn(
                name: "region",
                table: "users");

            migrationBuilder.DropColumn(
                name: "popularity",
                table: "media_items");

            migrationBuilder.DropColumn(
                name: "runtime",
                table: "media_items");

            migrationBuilder.DropColumn(
                name: "region",
                table: "families");
        }
    }
}
