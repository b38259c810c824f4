using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class TvProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_watched_at",
                table: "watchlist_entries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "status_follows_progress",
                table: "watchlist_entries",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "seasons_refreshed_at",
                table: "media_items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "show_status",
                table: "media_items",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_feeds",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feeds", x => x.id);
                    table.CheckConstraint("ck_calendar_feeds_token_hash_length", "octet_length(token_hash) = 32");
                    table.ForeignKey(
                        name: "fk_calendar_feeds_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seasons",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    air_date = table.Column<DateOnly>(type: "date", nullable: true),
                    episode_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seasons", x => x.id);
                    table.CheckConstraint("ck_seasons_episode_count", "episode_count >= 0");
                    table.CheckConstraint("ck_seasons_number", "number >= 0");
                    table.ForeignKey(
                        name: "fk_seasons_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "episodes",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    season_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    season_number = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    air_date = table.Column<DateOnly>(type: "date", nullable: true),
                    runtime = table.Column<int>(type: "integer", nullable: true),
                    still_path = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_episodes", x => x.id);
                    table.CheckConstraint("ck_episodes_number", "number >= 0 AND season_number >= 0");
                    table.CheckConstraint("ck_episodes_runtime", "runtime IS NULL OR runtime >= 0");
                    table.ForeignKey(
                        name: "fk_episodes_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_episodes_seasons_season_id",
                        column: x => x.season_id,
                        principalTable: "seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "viewings",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    episode_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    watched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_viewings", x => x.id);
                    table.ForeignKey(
                        name: "fk_viewings_episodes_episode_id",
                        column: x => x.episode_id,
                        principalTable: "episodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_viewings_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_viewings_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_watchlist_entries_user_id_last_watched_at_id",
                table: "watchlist_entries",
                columns: new[] { "user_id", "last_watched_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_media_items_seasons_refreshed_at",
                table: "media_items",
                column: "seasons_refreshed_at");

            migrationBuilder.AddCheckConstraint(
                name: "ck_media_items_show_status",
                table: "media_items",
                sql: "show_status IN ('returning_series', 'in_production', 'planned', 'pilot', 'ended', 'canceled')");

            migrationBuilder.CreateIndex(
                name: "ux_calendar_feeds_token_hash",
                table: "calendar_feeds",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_calendar_feeds_user_id",
                table: "calendar_feeds",
                column: "user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_episodes_air_date_media_item_id",
                table: "episodes",
                columns: new[] { "air_date", "media_item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_episodes_season_id",
                table: "episodes",
                column: "season_id");

            migrationBuilder.CreateIndex(
                name: "ux_episodes_media_season_number",
                table: "episodes",
                columns: new[] { "media_item_id", "season_number", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_seasons_media_number",
                table: "seasons",
                columns: new[] { "media_item_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_viewings_episode_id",
                table: "viewings",
                column: "episode_id");

            migrationBuilder.CreateIndex(
                name: "ix_viewings_media_item_id",
                table: "viewings",
                column: "media_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_viewings_user_id_episode_id",
                table: "viewings",
                columns: new[] { "user_id", "episode_id" });

            migrationBuilder.CreateIndex(
                name: "ix_viewings_user_id_watched_at_id",
                table: "viewings",
                columns: new[] { "user_id", "watched_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_viewings_once",
                table: "viewings",
                columns: new[] { "user_id", "media_item_id", "episode_id", "watched_at" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.Sql(TvProgressSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TvProgressSql.Down);

            migrationBuilder.DropTable(
                name: "calendar_feeds");

            migrationBuilder.DropTable(
                name: "viewings");

            migrationBuilder.DropTable(
                name: "episodes");

            migrationBuilder.DropTable(
                name: "seasons");

            migrationBuilder.DropIndex(
                name: "ix_watchlist_entries_user_id_last_watched_at_id",
                table: "watchlist_entries");

            migrationBuilder.DropIndex(
                name: "ix_media_items_seasons_refreshed_at",
                table: "media_items");

            migrationBuilder.DropCheckConstraint(
                name: "ck_media_items_show_status",
                table: "media_items");

            migrationBuilder.DropColumn(
                name: "last_watched_at",
                table: "watchlist_entries");

            migrationBuilder.DropColumn(
                name: "status_follows_progress",
                table: "watchlist_entries");

            migrationBuilder.DropColumn(
                name: "seasons_refreshed_at",
                table: "media_items");

            migrationBuilder.DropColumn(
                name: "show_status",
                table: "media_items");
        }
    }
}
