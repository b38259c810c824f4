using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InFocus.Domain.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProviderRefreshOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_media_items_providers_refreshed_at",
                table: "media_items");

            migrationBuilder.CreateIndex(
                name: "ix_media_items_providers_refreshed_at_id",
                table: "media_items",
                columns: new[] { "providers_refreshed_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_media_items_providers_refreshed_at_id",
                table: "media_items");

            migrationBuilder.CreateIndex(
                name: "ix_media_items_providers_refreshed_at",
                table: "media_items",
                column: "providers_refreshed_at");
        }
    }
}
