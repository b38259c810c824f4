using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_titles",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    family_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    member_count = table.Column<int>(type: "integer", nullable: false),
                    not_watched_count = table.Column<int>(type: "integer", nullable: false),
                    watching_count = table.Column<int>(type: "integer", nullable: false),
                    completed_count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_titles", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_titles_families_family_id",
                        column: x => x.family_id,
                        principalTable: "families",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_family_titles_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_pacing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    next_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_request_pacing", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_genre_counts",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    genre = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watchlist_genre_counts", x => x.id);
                    table.ForeignKey(
                        name: "fk_watchlist_genre_counts_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "watchlist_totals",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    not_watched = table.Column<int>(type: "integer", nullable: false),
                    watching = table.Column<int>(type: "integer", nullable: false),
                    completed = table.Column<int>(type: "integer", nullable: false),
                    rated = table.Column<int>(type: "integer", nullable: false),
                    rating_sum = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watchlist_totals", x => x.id);
                    table.ForeignKey(
                        name: "fk_watchlist_totals_users_id",
                        column: x => x.id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_family_titles_family_id_completed_count_title_media_item_id",
                table: "family_titles",
                columns: new[] { "family_id", "completed_count", "title", "media_item_id" },
                descending: new[] { false, true, false, false },
                filter: "completed_count > 0");

            migrationBuilder.CreateIndex(
                name: "ix_family_titles_family_id_member_count_title_media_item_id",
                table: "family_titles",
                columns: new[] { "family_id", "member_count", "title", "media_item_id" },
                descending: new[] { false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "ix_family_titles_family_id_not_watched_count_title_media_item_",
                table: "family_titles",
                columns: new[] { "family_id", "not_watched_count", "title", "media_item_id" },
                descending: new[] { false, true, false, false },
                filter: "not_watched_count > 0");

            migrationBuilder.CreateIndex(
                name: "ix_family_titles_family_id_watching_count_title_media_item_id",
                table: "family_titles",
                columns: new[] { "family_id", "watching_count", "title", "media_item_id" },
                descending: new[] { false, true, false, false },
                filter: "watching_count > 0");

            migrationBuilder.CreateIndex(
                name: "ix_family_titles_media_item_id",
                table: "family_titles",
                column: "media_item_id");

            migrationBuilder.CreateIndex(
                name: "ux_family_titles_family_media",
                table: "family_titles",
                columns: new[] { "family_id", "media_item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_watchlist_genre_counts_user_genre",
                table: "watchlist_genre_counts",
                columns: new[] { "user_id", "genre" },
                unique: true);

            migrationBuilder.Sql(PerformanceSummariesSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PerformanceSummariesSql.Down);

            migrationBuilder.DropTable(
                name: "family_titles");

            migrationBuilder.DropTable(
                name: "request_pacing");

            migrationBuilder.DropTable(
                name: "watchlist_genre_counts");

            migrationBuilder.DropTable(
                name: "watchlist_totals");
        }
    }
}
