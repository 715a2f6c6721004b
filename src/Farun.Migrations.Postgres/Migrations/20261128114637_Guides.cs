using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Farun.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Guides : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GuideSessions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    GuideId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    GuideVersion = table.Column<int>(type: "integer", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApplicationReference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ApplicationUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideSessions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "GuideVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GuideId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Yaml = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GuideSessions_ExpiresAt",
                table: "GuideSessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_GuideVersions_GuideId_Version",
                table: "GuideVersions",
                columns: new[] { "GuideId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuideVersions_IsActive_GuideId",
                table: "GuideVersions",
                columns: new[] { "IsActive", "GuideId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuideSessions");

            migrationBuilder.DropTable(
                name: "GuideVersions");
        }
    }
}
