using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "import_entry_dates",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    info_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_entry_dates", x => new { x.user_id, x.media_item_id });
                    table.ForeignKey(
                        name: "fk_import_entry_dates_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_import_entry_dates_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    blob_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    staged = table.Column<bool>(type: "boolean", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    processed = table.Column<int>(type: "integer", nullable: false),
                    added = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    unmatched = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<int>(type: "integer", nullable: false),
                    failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    lease_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imports", x => x.id);
                    table.CheckConstraint("ck_imports_source", "source IN ('letterboxd', 'imdb', 'trakt', 'infocus')");
                    table.CheckConstraint("ck_imports_status", "status IN ('queued', 'running', 'completed', 'failed', 'cancelled')");
                    table.ForeignKey(
                        name: "fk_imports_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "title_lookups",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    tmdb_id = table.Column<int>(type: "integer", nullable: true),
                    media_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_title_lookups", x => x.key);
                    table.CheckConstraint("ck_title_lookups_media_type", "media_type IN ('movie', 'tv')");
                });

            migrationBuilder.CreateTable(
                name: "import_rows",
                columns: table => new
                {
                    import_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    file = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    values = table.Column<string>(type: "jsonb", nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    year = table.Column<int>(type: "integer", nullable: true),
                    imdb_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    tmdb_id = table.Column<int>(type: "integer", nullable: true),
                    media_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    info_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    media_item_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_rows", x => new { x.import_id, x.seq });
                    table.CheckConstraint("ck_import_rows_kind", "kind IN ('watchlist', 'watched', 'rating', 'review', 'list', 'entry')");
                    table.CheckConstraint("ck_import_rows_media_type", "media_type IN ('movie', 'tv')");
                    table.CheckConstraint("ck_import_rows_outcome", "outcome IN ('pending', 'added', 'updated', 'unchanged', 'unmatched', 'error')");
                    table.CheckConstraint("ck_import_rows_status", "status IN ('not_watched', 'watching', 'completed')");
                    table.ForeignKey(
                        name: "fk_import_rows_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_import_rows_media_items_media_item_id",
                        column: x => x.media_item_id,
                        principalTable: "media_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_import_entry_dates_media_item_id",
                table: "import_entry_dates",
                column: "media_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_rows_import_id_outcome_seq",
                table: "import_rows",
                columns: new[] { "import_id", "outcome", "seq" });

            migrationBuilder.CreateIndex(
                name: "ix_import_rows_media_item_id",
                table: "import_rows",
                column: "media_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_imports_user_id_created_at_id",
                table: "imports",
                columns: new[] { "user_id", "created_at", "id" });

            migrationBuilder.Sql(ImportsSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ImportsSql.Down);

            migrationBuilder.DropTable(
                name: "import_entry_dates");

            migrationBuilder.DropTable(
                name: "import_rows");

            migrationBuilder.DropTable(
                name: "title_lookups");

            migrationBuilder.DropTable(
                name: "imports");
        }
    }
}
