using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Farun.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentTurns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Turns",
                table: "AssignmentCursors",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Turns",
                table: "AssignmentCursors");
        }
    }
}
