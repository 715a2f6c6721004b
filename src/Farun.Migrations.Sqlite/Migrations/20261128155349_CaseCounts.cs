using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Farun.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseCounts",
                columns: table => new
                {
                    ServicePointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseCounts", x => new { x.ServicePointId, x.Type, x.State });
                });

            // The summary starts from the cases already recorded; from here on every save keeps it in step.
            migrationBuilder.Sql("""
                INSERT INTO "CaseCounts" ("ServicePointId", "Type", "State", "Count")
                SELECT "ServicePointId", "Type", "State", COUNT(*) FROM "Cases" GROUP BY "ServicePointId", "Type", "State"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AssigneeId_ServicePointId_Type_State",
                table: "Cases",
                columns: new[] { "AssigneeId", "ServicePointId", "Type", "State" });

            // Statistics for the new index: where the other indexes were analysed (a generated million-case database), SQLite
            // would otherwise guess ten rows per assignee and pick it for "my queue" over the index that sorts it.
            migrationBuilder.Sql("""ANALYZE "IX_Cases_AssigneeId_ServicePointId_Type_State";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseCounts");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AssigneeId_ServicePointId_Type_State",
                table: "Cases");
        }
    }
}
