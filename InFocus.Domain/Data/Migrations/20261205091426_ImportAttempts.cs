using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "episode_number",
                table: "title_lookups",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "season_number",
                table: "title_lookups",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "imports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "episode_number",
                table: "import_rows",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "season_number",
                table: "import_rows",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_imports_updated_at",
                table: "imports",
                column: "updated_at",
                filter: "status = ANY (ARRAY['queued', 'running'])");

            migrationBuilder.Sql(ImportAttemptsSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_imports_updated_at",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "episode_number",
                table: "title_lookups");

            migrationBuilder.DropColumn(
                name: "season_number",
                table: "title_lookups");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "episode_number",
                table: "import_rows");

            migrationBuilder.DropColumn(
                name: "season_number",
                table: "import_rows");
        }
    }
}
