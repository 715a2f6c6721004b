using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Farun.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Type_State_ServicePointId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ServicePointId_Type_State",
                table: "Cases",
                columns: new[] { "ServicePointId", "Type", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ServicePointId_Type_State",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Type_State_ServicePointId",
                table: "Cases",
                columns: new[] { "Type", "State", "ServicePointId" });
        }
    }
}
