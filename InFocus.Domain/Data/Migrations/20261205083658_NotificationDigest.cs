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

            migrationBuilder.AddCheckConstraint(
                name: "ck_tonight_picks_confirmed",
                table: "tonight_picks",
                sql: "confirmed_ids <@ member_ids");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_tonight_picks_confirmed",
                table: "tonight_picks");

            migrationBuilder.DropColumn(
                name: "confirmed_ids",
                table: "tonight_picks");
        }
    }
}
